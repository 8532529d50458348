public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging

/// The node's HTTP API over a storage: builds the Hummingbird application that serves it.
///
/// ```swift
/// let server = NodeServer(storage: ReplicaStorage(replica: replica), port: 8080, logger: logger)
/// let app = server.application { port in logger.info("listening on http://127.0.0.1:\(port)") }
/// try await app.runService()   // until SIGINT or SIGTERM, then a graceful shutdown
/// ```
///
/// Each server has its own metrics registry, so several can run in one process. Pass port 0
/// for an ephemeral port; `onServerRunning` receives the port bound. With ``tls`` it serves HTTPS
/// only; `/metrics` needs a token unless ``publicMetrics`` is set.
public struct NodeServer: Sendable {
    /// The application type ``application(onServerRunning:)`` builds.
    public typealias App = Application<RouterResponder<BasicRequestContext>>

    /// Where the node's surveys and tokens live.
    public let storage: any NodeStorage
    /// The address to listen on, `127.0.0.1` by default.
    public let host: String
    /// The TCP port; 0 for an ephemeral one.
    public let port: Int
    public let limits: ServerLimits
    /// The certificate and key to serve HTTPS with; nil for plain HTTP.
    public let tls: ServerTLS?
    /// Whether `GET /metrics` is open to anyone; by default it needs a token (see ``NodeRoutes``).
    public let publicMetrics: Bool
    /// Where refused and failed requests are logged; the server never prints.
    public let logger: Logger
    let metrics: ServerMetrics

    public init(storage: any NodeStorage, host: String = "127.0.0.1", port: Int = 8080, limits: ServerLimits = ServerLimits(),
                tls: ServerTLS? = nil, publicMetrics: Bool = false, logger: Logger) {
        self.storage = storage
        self.host = host
        self.port = port
        self.limits = limits
        self.tls = tls
        self.publicMetrics = publicMetrics
        self.logger = logger
        metrics = ServerMetrics()
    }

    /// The router with every route of ``NodeRoutes/all`` (`/metrics` open with ``publicMetrics``),
    /// behind the error and metrics boundary.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: BoundaryMiddleware(metrics: metrics, logger: logger))
        let handlers = NodeHandlers(storage: storage, limits: limits, metrics: metrics, logger: logger)
        for route in NodeRoutes.routes(publicMetrics: publicMetrics) {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await handlers.respond(route, to: request, context: context)
            }
        }
        return router
    }

    /// The application serving ``router()`` on ``host`` and ``port``, over TLS when ``tls`` is set.
    ///
    /// - Parameter onServerRunning: called once the server listens, with the port it bound.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> App {
        application(router: router(), onServerRunning: onServerRunning)
    }

    /// The application serving `router` on ``host`` and ``port``, over TLS when ``tls`` is set: a
    /// router from ``router()`` with more routes added beside the API, such as SentraWeb's office
    /// pages.
    ///
    /// ```swift
    /// let router = server.router()
    /// OfficeSite(storage: storage, logger: logger).addRoutes(to: router)
    /// try await server.application(router: router).runService()
    /// ```
    public func application(router: Router<BasicRequestContext>, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> App {
        var server = HTTPServerBuilder.http1()
        if let tls {
            // The configuration was checked when `ServerTLS` was made, so the context builds.
            server = HTTPServerBuilder { responder in
                try TLSChannel(HTTP1Channel(responder: responder), tlsConfiguration: tls.configuration)
            }
        }
        return Application(
            router: router,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "sentra"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
