import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SentraCore
import SentraStore

/// The handlers behind ``NodeRoutes``: authorize, read, call the storage, answer.
struct NodeHandlers: Sendable {
    let storage: any NodeStorage
    let limits: ServerLimits
    let metrics: ServerMetrics
    let logger: Logger
    let reader: RequestReader
    let authenticator: Authenticator

    init(storage: any NodeStorage, limits: ServerLimits, metrics: ServerMetrics, logger: Logger) {
        self.storage = storage
        self.limits = limits
        self.metrics = metrics
        self.logger = logger
        reader = RequestReader(limits: limits)
        authenticator = Authenticator(storage: storage)
    }

    /// Answers `request` on `route`: checks the protocol header and the token, then that the node
    /// holds the survey, then runs the route.
    func respond(_ route: NodeRoutes.Route, to request: Request, context: BasicRequestContext) async throws -> Response {
        if let header = request.headers[HTTPField.Name(SyncProtocol.versionHeader)!], Int(header) != SyncProtocol.version {
            throw ServerError.protocolVersion(Int(header))
        }
        let survey = route.isSurveyScoped ? try parameter("survey", context) : nil
        let token = try await authenticator.authorize(request, route: route, survey: survey)
        if let survey {
            guard try await storage.surveys().contains(survey) else { throw ServerError.unknownSurvey(survey) }
        }
        switch route.endpoint {
        case .health: return try await health(request)
        case .metrics: return ResponseBuilder.bytes(Data(metrics.text().utf8), contentType: "text/plain; version=0.0.4; charset=utf-8", for: request)
        case .state: return try ResponseBuilder.json(try await storage.state(survey: survey!), for: request)
        case .push: return try await push(request, survey: survey!, token: token!)
        case .pull: return try await pull(request, survey: survey!, token: token!)
        case .forms: return try ResponseBuilder.json(try await storage.forms(survey: survey!), for: request)
        case .publishForm: return try await publishForm(request, survey: survey!)
        case .records: return try await records(request, survey: survey!)
        case .record: return try await record(request, survey: survey!, context: context)
        case .conflicts: return try ResponseBuilder.json(try await storage.conflicts(survey: survey!), for: request)
        case .resolve: return try await resolve(request, survey: survey!, context: context)
        case .history:
            return try ResponseBuilder.json(try await storage.history(survey: survey!, record: try parameter("id", context)), for: request)
        case .review: return try await review(request, survey: survey!, context: context)
        case .reviews: return try await reviews(request, survey: survey!)
        case .export: return try await export(request, survey: survey!)
        case .devices: return try ResponseBuilder.json(try await storage.devices(), for: request)
        case .listTokens: return try await listTokens(request)
        case .createToken: return try await createToken(request)
        case .revokeToken: return try await revokeToken(request, context: context)
        }
    }

    private func push(_ request: Request, survey: String, token: TokenRecord) async throws -> Response {
        let push = try await reader.decode(PushRequest.self, from: request, requireProtocol: true)
        guard push.changes.count <= limits.maxBatchChanges else {
            throw ServerError.batchTooLarge(count: push.changes.count, limit: limits.maxBatchChanges)
        }
        try await checkDevice(push.sender.id, token: token)
        try await checkReviews(in: push.changes)
        let response = try await timed("push") { try await storage.push(push, survey: survey) }
        metrics.recordApplied(response.applied, survey: survey)
        if let ahead = response.clockAhead, ahead > 0 {
            metrics.recordClockAhead(ahead, survey: survey)
            logger.warning("pushed changes carry a clock too far ahead of ours; applied, but our clock did not follow", metadata: [
                "sync.survey": "\(survey)", "sync.sender": "\(push.sender.id)", "sync.sender_name": "\(push.sender.name)",
                "sync.clock_ahead": "\(ahead)",
            ])
        }
        return try ResponseBuilder.json(response, for: request)
    }

    private func pull(_ request: Request, survey: String, token: TokenRecord) async throws -> Response {
        let pull = try await reader.decode(PullRequest.self, from: request, requireProtocol: true)
        guard pull.limit >= 1, pull.after >= 0 else {
            throw ServerError.invalidInput("a pull needs limit of at least 1 and after of at least 0")
        }
        try await checkDevice(pull.receiver.id, token: token)
        let limit = min(pull.limit, limits.maxPullLimit)
        let response = try await timed("pull") { try await storage.pull(pull, survey: survey, limit: limit) }
        return ResponseBuilder.bytes(Data(response), contentType: "application/json; charset=utf-8", for: request)
    }

    /// Refuses a sync that names a node other than the token's, and binds a token not bound yet
    /// to the node that names itself (the first sync). No token is bound to this node's own ID.
    private func checkDevice(_ node: NodeID, token: TokenRecord) async throws {
        guard node != storage.node.id else {
            throw ServerError.wrongNode("the request says it comes from this node itself (\(node)); a device syncs under its own node ID")
        }
        // A token bound to another node needs no trip to the store to be refused.
        let bound = if let owner = token.node, owner != node { owner } else { try await storage.claimToken(named: token.name, by: node) }
        guard bound == node else {
            throw ServerError.wrongNode("token \(token.name) belongs to node \(bound), not \(node); each device needs its own token")
        }
    }

    /// Refuses a batch with a review that its origin may not write: any review but an enumerator's
    /// `edited` needs an origin whose token in the registry has the office or admin role. The node's
    /// own origin is left to the store, which refuses what the node did not write.
    private func checkReviews(in changes: [Change]) async throws {
        let reviews = changes.filter { $0.dot.origin != storage.node.id && Review.refusalForNonOffice($0) != nil }
        guard !reviews.isEmpty else { return }
        let offices = Set(try await storage.devices().filter { !$0.revoked && (Role(rawValue: $0.role) ?? .enumerator) >= .office }.map(\.node))
        if let forged = reviews.first(where: { !offices.contains($0.dot.origin) }) {
            throw ServerError.notOffice("\(Review.refusalForNonOffice(forged)!): node \(forged.dot.origin) is not an office in this node's registry; nothing was applied")
        }
    }

    /// `GET /healthz`: ok while the node can read its store within ``healthTimeout``; 503 `storage`
    /// when it cannot (the PostgreSQL server is down, say), so that a load balancer or a monitor sees it.
    private func health(_ request: Request) async throws -> Response {
        let readable = await withTaskGroup(of: Bool.self) { group in
            group.addTask { [storage] in (try? await storage.surveys()) != nil }
            group.addTask {
                try? await Task.sleep(for: Self.healthTimeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        guard readable else {
            logger.error("health check: the store could not be read within \(Self.healthTimeout)")
            throw ServerError(status: 503, code: .storage, message: "the node cannot read its store; it serves nothing until it can")
        }
        return try ResponseBuilder.json(["status": "ok"], for: request)
    }

    /// How long a health check waits for the store.
    static let healthTimeout: Duration = .seconds(3)

    /// Runs `body` and records its duration under `route` in `sentra_sync_duration_seconds`.
    private func timed<T>(_ route: String, _ body: () async throws -> T) async throws -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { metrics.recordSync(route: route, nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - start)) }
        return try await body()
    }

    /// A path parameter, percent-decoded.
    func parameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        guard let value = raw.removingPercentEncoding, !value.isEmpty else {
            throw ServerError.invalidQuery("the path parameter \(name) \"\(raw)\" is not valid percent-encoding")
        }
        return value
    }
}
