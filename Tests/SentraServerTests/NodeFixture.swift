import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SentraCore
import SentraServer
import SentraStore

/// A central node on a real replica file in a temporary directory, holding two surveys, with a
/// token for each role and scope the tests need.
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
    let replica: Replica
    let server: NodeServer
    let tokens: Tokens

    init(limits: ServerLimits = ServerLimits(), publicMetrics: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let replica = try Replica.create(at: directory.appendingPathComponent("central.db").path, name: "kantor-dinas", survey: Self.survey)
        try replica.addSurvey(Self.otherSurvey)
        self.replica = replica
        func issue(_ name: String, _ role: Role, _ survey: String? = nil) throws -> String {
            let token = AccessToken.generate()
            try replica.insertToken(AccessToken.record(for: token, name: name, role: role, survey: survey))
            return token
        }
        tokens = Tokens(
            admin: try issue("admin", .admin), office: try issue("office", .office), enumerator: try issue("tablet-ani", .enumerator),
            otherSurveyAdmin: try issue("batik-admin", .admin, Self.otherSurvey), scopedAdmin: try issue("konveksi-admin", .admin, Self.survey),
            revoked: try issue("lost-tablet", .enumerator), unknown: AccessToken.generate())
        try replica.revokeToken(named: "lost-tablet")
        server = NodeServer(storage: ReplicaStorage(replica: replica), port: 0, limits: limits, publicMetrics: publicMetrics, logger: Self.quietLogger)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

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

    func snapshot() throws -> Snapshot {
        let state = try replica.nodeState(survey: Self.survey)
        return Snapshot(versionVector: state.versionVector, logPosition: state.logPosition, log: try replica.changes(survey: Self.survey),
                        records: try replica.records(survey: Self.survey, includeDeleted: true).count,
                        tokens: try replica.tokens().map { token in
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
