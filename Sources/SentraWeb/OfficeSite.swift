public import Hummingbird
public import Logging
public import SentraServer
public import Foundation
import SentraCore
import SentraStore

/// The office's pages, served by the node beside its API: sign-in, dashboard, records, conflicts,
/// review, export, forms and devices, server-rendered, in Indonesian or English (Docs/web.md).
///
/// ```swift
/// let server = NodeServer(storage: storage, logger: logger)
/// let router = server.router()
/// OfficeSite(storage: storage, secure: false, logger: logger).addRoutes(to: router)
/// try await server.application(router: router).runService()
/// ```
///
/// The pages work without JavaScript; the dashboard's script only swaps in fresh counts when the
/// node's log grows. Office and admin tokens sign in, and users that `sentra user add` makes;
/// enumerator tokens open nothing here.
public struct OfficeSite: Sendable {
    /// Where the node's surveys, tokens, users and sessions live.
    public let storage: any NodeStorage
    public let settings: OfficeSettings
    let logger: Logger
    let gate: SessionGate
    let indexes: IndexCache

    /// - Parameters:
    ///   - secure: whether the node serves HTTPS, so that cookies are marked `Secure`.
    public init(storage: any NodeStorage, secure: Bool, settings: OfficeSettings = OfficeSettings(), logger: Logger) {
        self.storage = storage
        self.settings = settings
        self.logger = logger
        gate = SessionGate(storage: storage, secure: secure, lifetime: settings.sessionLifetime, clock: settings.clock, throttle: SignInThrottle())
        indexes = IndexCache(storage: storage)
    }

    /// Builds the record index of each survey, so that the first clerk to open the records page
    /// after the node starts does not wait for it. Failures are left for that page to report.
    public func prepare() async {
        guard let surveys = try? await storage.surveys() else { return }
        for survey in surveys {
            _ = try? await indexes.index(survey)
        }
    }

    /// Adds the pages' routes to `router`, which serves the API too.
    public func addRoutes(to router: Router<BasicRequestContext>) {
        let handlers = OfficeHandlers(site: self)
        router.get("/") { request, _ in try await handlers.signInPage(request) }
        router.post("/office/signin") { request, _ in try await handlers.signIn(request) }
        router.post("/office/signout") { request, _ in try await handlers.signOut(request) }
        router.post("/office/language") { request, _ in try await handlers.switchLanguage(request) }
        router.get("/office/assets/office.css") { _, _ in OfficeHandlers.asset(OfficeAssets.style, type: "text/css; charset=utf-8") }
        router.get("/office/assets/live.js") { _, _ in OfficeHandlers.asset(OfficeAssets.live, type: "text/javascript; charset=utf-8") }
        router.get("/office") { request, _ in try await handlers.home(request) }
        router.get("/office/s/{survey}/") { request, context in
            try await handlers.page(request, context) { try await handlers.dashboard($0) }
        }
        router.get("/office/s/{survey}/events") { request, context in
            try await handlers.page(request, context) { try await handlers.events($0) }
        }
        router.get("/office/s/{survey}/records") { request, context in
            try await handlers.page(request, context) { try await handlers.records($0) }
        }
        router.get("/office/s/{survey}/records/{id}") { request, context in
            try await handlers.page(request, context) { try await handlers.record($0, id: try OfficeHandlers.parameter("id", context)) }
        }
        router.post("/office/s/{survey}/records/{id}/resolve") { request, context in
            try await handlers.post(request, context) { try await handlers.resolve($0, id: try OfficeHandlers.parameter("id", context), form: $1) }
        }
        router.post("/office/s/{survey}/records/{id}/review") { request, context in
            try await handlers.post(request, context) { try await handlers.review($0, id: try OfficeHandlers.parameter("id", context), form: $1) }
        }
        router.post("/office/s/{survey}/review") { request, context in
            try await handlers.post(request, context) { try await handlers.bulkReview($0, form: $1) }
        }
        router.get("/office/s/{survey}/conflicts") { request, context in
            try await handlers.page(request, context) { try await handlers.conflicts($0) }
        }
        router.get("/office/s/{survey}/forms") { request, context in
            try await handlers.page(request, context) { try await handlers.forms($0, message: nil) }
        }
        router.post("/office/s/{survey}/forms") { request, context in
            try await handlers.upload(request, context)
        }
        router.get("/office/s/{survey}/devices") { request, context in
            try await handlers.page(request, context) { try await handlers.devices($0, request: request) }
        }
        router.post("/office/s/{survey}/devices") { request, context in
            try await handlers.post(request, context) { try await handlers.addDevice($0, form: $1, request: request) }
        }
        router.get("/office/s/{survey}/export") { request, context in
            try await handlers.page(request, context) { try await handlers.export($0) }
        }
    }
}

/// What an office may tune about its pages.
public struct OfficeSettings: Sendable {
    /// How long a sign-in lasts: 8 hours, a working day.
    public var sessionLifetime: TimeInterval
    /// After how many days without a sync a device stands out on the dashboard.
    public var silentDays: Int
    /// The time now, for sessions: the system's clock, or a test's.
    public var clock: @Sendable () -> Date
    /// The node's address as phones reach it, such as `http://192.168.1.10:8080`, for the
    /// enrolment links of the devices page (checked with `EnrolmentLink.nodeURL`); nil takes the
    /// scheme and `Host` of the clerk's request.
    public var publicURL: String?

    public init(sessionLifetime: TimeInterval = 8 * 3600, silentDays: Int = 2, publicURL: String? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.sessionLifetime = sessionLifetime
        self.silentDays = silentDays
        self.publicURL = publicURL
        self.clock = clock
    }
}

/// One ``RecordIndex`` per survey, made on first use.
actor IndexCache {
    let storage: any NodeStorage
    private var indexes: [String: RecordIndex] = [:]

    init(storage: any NodeStorage) {
        self.storage = storage
    }

    /// The survey's index, brought up to date.
    func index(_ survey: String) async throws -> RecordIndex {
        let index = indexes[survey] ?? RecordIndex(storage: storage, survey: survey)
        indexes[survey] = index
        try await index.refresh()
        return index
    }
}
