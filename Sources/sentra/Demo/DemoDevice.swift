import Logging
import SentraStore
import SentraSync
import ServiceLifecycle

/// Ani's tablet in `sentra demo --serve`: a sync daemon on her replica that syncs with the office
/// node as soon as the node listens, then on each local write and every ``interval``.
struct DemoDevice: Service {
    static let interval: Duration = .seconds(10)

    let replica: Replica
    let token: String
    /// The port the office node listens on, once it does.
    let ports: AsyncStream<Int>
    let logger: Logger

    func run() async throws {
        // Ends without a port when the demo stops before the office listens.
        for await port in ports.cancelOnGracefulShutdown() {
            let url = "http://\(DemoServer.host):\(port)"
            let token = token
            let daemon = SyncDaemon(replica: replica, url: url, surveys: [DemoScenario.survey], interval: Self.interval,
                                    logger: logger, makeTransport: { try HTTPTransport(baseURL: url, token: token) })
            try await daemon.run()
            return
        }
    }
}
