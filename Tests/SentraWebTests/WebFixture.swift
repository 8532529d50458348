import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IKMKonveksi
import Logging
import SentraCore
import SentraServer
import SentraStore
import SentraWeb

/// A central office node on a real replica file, with the census form published, a few census
/// records from two tablets (one record in conflict), and tokens for the office and a tablet.
final class WebFixture: Sendable {
    static let survey = CensusForm.survey

    let directory: URL
    let replica: Replica
    let storage: ReplicaStorage
    let officeToken: String
    /// An admin's token for every survey: the only kind that may add devices.
    let adminToken: String
    let enumeratorToken: String
    /// The record both tablets edited: its `pekerja_laki` is in conflict.
    let conflicted: String
    let secure: Bool

    init(records: Int = 12, secure: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        replica = try Replica.create(at: directory.appendingPathComponent("kantor.db").path, name: "kantor", survey: Self.survey)
        try replica.setOffice(true)
        _ = try replica.publishForm(CensusForm.usaha, survey: Self.survey)
        storage = ReplicaStorage(replica: replica)
        self.secure = secure
        officeToken = AccessToken.generate()
        try replica.insertToken(AccessToken.record(for: officeToken, name: "meja-dewi", role: .office, survey: nil))
        adminToken = AccessToken.generate()
        try replica.insertToken(AccessToken.record(for: adminToken, name: "admin-kantor", role: .admin, survey: nil))
        enumeratorToken = AccessToken.generate()
        try replica.insertToken(AccessToken.record(for: enumeratorToken, name: "tab-ani", role: .enumerator, survey: nil))

        let ani = try Replica.create(at: directory.appendingPathComponent("ani.db").path, name: "tab-ani", survey: Self.survey)
        let budi = try Replica.create(at: directory.appendingPathComponent("budi.db").path, name: "tab-budi", survey: Self.survey)
        for device in [ani, budi] { _ = try device.receiveForms(try replica.publishedForms(survey: Self.survey), survey: Self.survey, from: replica.node) }
        var generator = CensusGenerator(seed: 7)
        var first: String?
        for number in 0..<records {
            var values = generator.next()
            if number == 0 { values["nama_usaha"] = .string("Konveksi Anggrek Ujicoba") }
            let change = try (number.isMultiple(of: 2) ? ani : budi).addRecord(survey: Self.survey, form: "usaha", fields: .values(values))
            first = first ?? change.record
        }
        conflicted = first!
        _ = try budi.apply(ani.changes(survey: Self.survey).map(\.change), survey: Self.survey)
        try ani.setFields(survey: Self.survey, record: conflicted, fields: .values(["pekerja_laki": .integer(4)]))
        try budi.setFields(survey: Self.survey, record: conflicted, fields: .values(["pekerja_laki": .integer(6)]))
        for device in [ani, budi] {
            _ = try replica.apply(device.changes(survey: Self.survey).map(\.change), survey: Self.survey, from: device.node,
                                  senderHolds: try device.versionVector(survey: Self.survey), nodes: [ani.node, budi.node])
        }
    }

    /// Two more tablets, each holding what the office holds: one deletes record `id` while the
    /// other sets its `pekerja_laki` to 9, and the office receives both.
    func deleteWhileEditing(_ id: String) throws {
        let name = "-\(UUID().uuidString.prefix(8))"
        let citra = try Replica.create(at: directory.appendingPathComponent("citra\(name).db").path, name: "tab-citra", survey: Self.survey)
        let dedi = try Replica.create(at: directory.appendingPathComponent("dedi\(name).db").path, name: "tab-dedi", survey: Self.survey)
        for device in [citra, dedi] {
            _ = try device.apply(replica.changes(survey: Self.survey).map(\.change), survey: Self.survey)
        }
        _ = try citra.deleteRecord(survey: Self.survey, record: id)
        _ = try dedi.setFields(survey: Self.survey, record: id, fields: .values(["pekerja_laki": .integer(9)]))
        for device in [citra, dedi] {
            _ = try replica.apply(device.changes(survey: Self.survey).map(\.change), survey: Self.survey, from: device.node,
                                  senderHolds: try device.versionVector(survey: Self.survey), nodes: [citra.node, dedi.node])
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static let quietLogger: Logger = {
        var logger = Logger(label: "sentra.web.test")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs `test` against the node's router, API and pages, in process.
    func withClient<T: Sendable>(settings: OfficeSettings = OfficeSettings(),
                                 _ test: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let server = NodeServer(storage: storage, port: 0, logger: Self.quietLogger)
        let router = server.router()
        OfficeSite(storage: storage, secure: secure, settings: settings, logger: Self.quietLogger).addRoutes(to: router)
        return try await server.application(router: router).test(.router, test)
    }
}

extension WebFixture {
    /// Runs `test` against the node with a browser signed in with the office token.
    func asOffice(_ test: @Sendable (any TestClientProtocol, inout Browser) async throws -> Void) async throws {
        try await signedIn(token: officeToken, test)
    }

    /// Runs `test` against the node with a browser signed in with `token`.
    func signedIn(token: String, settings: OfficeSettings = OfficeSettings(),
                  _ test: @Sendable (any TestClientProtocol, inout Browser) async throws -> Void) async throws {
        try await withClient(settings: settings) { client in
            var browser = Browser()
            _ = try await browser.signIn(client, token: token)
            try await test(client, &browser)
        }
    }
}

/// A browser's part of a conversation with the pages: its cookies, and the CSRF token of the last
/// page it read.
struct Browser: Sendable {
    var cookies: [String: String] = [:]
    var csrf: String?

    var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    /// Keeps the response's cookies (a `Max-Age=0` one removes its cookie) and its page's CSRF token.
    mutating func read(_ response: TestResponse) -> String {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let page = String(buffer: response.body)
        if let range = page.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) {
            csrf = String(page[range].dropFirst(19).dropLast())
        }
        return page
    }

    /// A GET with the browser's cookies.
    mutating func get(_ client: any TestClientProtocol, _ path: String) async throws -> (TestResponse, String) {
        let response = try await client.execute(uri: path, method: .get, headers: [.cookie: cookieHeader], body: nil)
        return (response, read(response))
    }

    /// A form post with the browser's cookies; `fields` as given, the CSRF token added unless
    /// `csrf` is false.
    mutating func post(_ client: any TestClientProtocol, _ path: String, _ fields: [(String, String)], csrf withCSRF: Bool = true) async throws -> (TestResponse, String) {
        var all = fields
        if withCSRF, let csrf { all.append(("csrf", csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(uri: path, method: .post, headers: [
            .cookie: cookieHeader, .contentType: "application/x-www-form-urlencoded",
        ], body: ByteBuffer(string: body))
        return (response, read(response))
    }

    /// Opens the sign-in page and signs in with a user name and password.
    mutating func signIn(_ client: any TestClientProtocol, user: String, password: String) async throws -> TestResponse {
        let (_, page) = try await get(client, "/")
        let signin = Self.hidden("signin", in: page) ?? ""
        return try await post(client, "/office/signin", [("signin", signin), ("user", user), ("password", password)], csrf: false).0
    }

    /// Opens the sign-in page and signs in with `token`.
    mutating func signIn(_ client: any TestClientProtocol, token: String) async throws -> TestResponse {
        let (_, page) = try await get(client, "/")
        let signin = Self.hidden("signin", in: page) ?? ""
        return try await post(client, "/office/signin", [("signin", signin), ("token", token)], csrf: false).0
    }

    /// The value of the hidden input `name` in `page`.
    static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"([^\"]*)\"", options: .regularExpression) else { return nil }
        return String(page[range].dropFirst("name=\"\(name)\" value=\"".count).dropLast())
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ""
    }
}
