import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SentraCore
import SentraPostgres
import SentraServer
import SentraStore
import SentraTestSupport

/// A central node on a real replica file in a temporary directory, or in a new database of the
/// test process's PostgreSQL server (``make(_:limits:publicMetrics:)``), holding two surveys,
/// with a token for each role and scope the tests need.
final class NodeFixture: Sendable {
    static let survey = "ikm-konveksi"
    static let otherSurvey = "ikm-batik"

    /// The bearer tokens issued at setup, by what they are for.
    struct Tokens: Sendable {
        var admin: String
        var office: String
        var enumerator: String
        /// An admin scoped to ``NodeFixture/otherSurvey``.
        var otherSurveyAdmin: String
        /// An admin scoped to ``NodeFixture/survey``.
        var scopedAdmin: String
        var revoked: String
        /// Well formed, but never issued.
        var unknown: String
    }

    let directory: URL
    /// The node's store, whichever it is.
    let storage: any CentralStorage
    let server: NodeServer
    let tokens: Tokens
    private let sqlite: Replica?

    /// A node on a SQLite replica file.
    convenience init(limits: ServerLimits = ServerLimits(), publicMetrics: Bool = false) throws {
        let directory = Self.newDirectory()
        let replica = try Replica.create(at: directory.appendingPathComponent("central.db").path, name: "kantor-dinas", survey: Self.survey)
        try replica.addSurvey(Self.otherSurvey)
        let tokens = try Self.tokens { name, role, survey in
            let token = AccessToken.generate()
            try replica.insertToken(AccessToken.record(for: token, name: name, role: role, survey: survey))
            return token
        }
        try replica.revokeToken(named: "lost-tablet")
        self.init(directory: directory, storage: ReplicaStorage(replica: replica), replica: replica, tokens: tokens, limits: limits,
                  publicMetrics: publicMetrics)
    }

    /// A node on `store`: a SQLite replica file, or a new database on the test process's PostgreSQL.
    static func make(_ store: CentralStore, limits: ServerLimits = ServerLimits(), publicMetrics: Bool = false) async throws -> NodeFixture {
        guard store == .postgres else { return try NodeFixture(limits: limits, publicMetrics: publicMetrics) }
        let url = try PostgresURL(try PostgresServer.shared().newDatabase("node").url)
        let postgres = try await PostgresStore.create(url, name: "kantor-dinas", survey: Self.survey, logger: quietLogger)
        try await postgres.addSurvey(Self.otherSurvey)
        var issued: [(String, Role, String?, String)] = []
        let tokens = try Self.tokens { name, role, survey in
            issued.append((name, role, survey, AccessToken.generate()))
            return issued.last!.3
        }
        for (name, role, survey, token) in issued {
            try await postgres.insertToken(AccessToken.record(for: token, name: name, role: role, survey: survey))
        }
        try await postgres.revokeToken(named: "lost-tablet")
        return NodeFixture(directory: newDirectory(), storage: postgres, replica: nil, tokens: tokens, limits: limits, publicMetrics: publicMetrics)
    }

    private init(directory: URL, storage: any CentralStorage, replica: Replica?, tokens: Tokens, limits: ServerLimits, publicMetrics: Bool) {
        self.directory = directory
        self.storage = storage
        sqlite = replica
        self.tokens = tokens
        server = NodeServer(storage: storage, port: 0, limits: limits, publicMetrics: publicMetrics, logger: Self.quietLogger)
    }

    /// The tokens every fixture issues, each made by `issue(name, role, survey)`.
    private static func tokens(_ issue: (String, Role, String?) throws -> String) throws -> Tokens {
        Tokens(
            admin: try issue("admin", .admin, nil), office: try issue("office", .office, nil), enumerator: try issue("tablet-ani", .enumerator, nil),
            otherSurveyAdmin: try issue("batik-admin", .admin, Self.otherSurvey), scopedAdmin: try issue("konveksi-admin", .admin, Self.survey),
            revoked: try issue("lost-tablet", .enumerator, nil), unknown: AccessToken.generate())
    }

    private static func newDirectory() -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-server-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The SQLite replica behind the node, for the suites that run on that store only.
    var replica: Replica {
        guard let sqlite else { preconditionFailure("this test reads the SQLite replica; it runs on the SQLite store only") }
        return sqlite
    }

    deinit {
        (storage as? PostgresStore)?.close()
        try? FileManager.default.removeItem(at: directory)
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "sentra.server.test")
        logger.logLevel = .critical
        return logger
    }()

    /// A new token bound to `device`'s node: one token per device.
    func token(for device: Replica, role: Role = .enumerator) throws -> String {
        let token = AccessToken.generate()
        try replica.insertToken(AccessToken.record(for: token, name: device.node.name + "-" + String(device.node.id.rawValue.prefix(6)),
                                                   role: role, survey: nil, node: device.node.id))
        return token
    }

    /// A field device's replica of ``survey`` in the fixture's directory.
    func device(_ name: String) throws -> Replica {
        try Replica.create(at: directory.appendingPathComponent("\(name).db").path, name: name, survey: Self.survey)
    }

    /// Runs `test` against the router in process.
    func withClient<T: Sendable>(_ setup: TestingSetup = .router, _ test: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server.application().test(setup, test)
    }

    /// What must not change when a request is refused: the survey's log and version vector, and
    /// the tokens (a token may be bound to the device that sent the request: that is not data).
    struct Snapshot: Equatable {
        var versionVector: VersionVector
        var logPosition: Int64
        var log: [LoggedChange]
        var records: Int
        var tokens: [TokenRecord]
    }

    func snapshot() async throws -> Snapshot {
        let state = try await storage.state(survey: Self.survey)
        return Snapshot(versionVector: state.versionVector, logPosition: state.logPosition,
                        log: try await storage.changes(survey: Self.survey, after: 0, limit: .max),
                        records: try await storage.records(survey: Self.survey, form: nil, includeDeleted: true).count,
                        tokens: try await storage.tokens().map { token in
                            var token = token
                            (token.node, token.firstSync, token.lastSync) = (nil, nil, nil)
                            return token
                        })
    }
}

/// Every change of `device`'s log for the fixture's survey, as a push.
func pushRequest(from device: Replica, changes: [Change]? = nil) throws -> PushRequest {
    PushRequest(sender: device.node, versionVector: try device.versionVector(survey: NodeFixture.survey), nodes: try device.knownNodes(),
                changes: try changes ?? device.changes(survey: NodeFixture.survey).map(\.change))
}

/// JSON for a request body.
func json(_ value: some Encodable) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONEncoder().encode(value))
}

extension TestClientProtocol {
    /// Sends a request, with `Authorization: Bearer TOKEN` when a token is given.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await executeRequest(uri: uri, method: method, headers: headers, body: body)
    }
}

extension TestResponse {
    /// The body, decompressed when the response says it is gzip.
    var data: Data {
        get throws {
            let raw = Data(body.readableBytesView)
            return headers[.contentEncoding] == "gzip" ? try Gzip.decompress(raw, limit: 1 << 30) : raw
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: try data)
    }

    /// The ``ErrorResponse`` every 4xx and 5xx carries.
    var error: ErrorResponse.Detail {
        get throws { try decode(ErrorResponse.self).error }
    }
}

/// The survey's state path.
func surveyPath(_ route: String, survey: String = NodeFixture.survey) -> String {
    "/v1/surveys/\(survey)/\(route)"
}
