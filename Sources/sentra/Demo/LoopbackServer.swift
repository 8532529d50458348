import Logging
import SentraServer
import SentraStore

/// A node server on an ephemeral loopback port inside this process, for the demo.
struct LoopbackServer {
    let url: String

    /// Starts serving `replica` in `group` and returns once it listens.
    static func start(_ replica: Replica, in group: inout ThrowingTaskGroup<Void, any Error>) async throws -> LoopbackServer {
        var logger = Logger(label: "sentra.demo.server")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = NodeServer(storage: ReplicaStorage(replica: replica), host: "127.0.0.1", port: 0, logger: logger)
            .application { port in continuation.yield(port) }
        group.addTask { try await app.run() }
        for await port in ports {
            return LoopbackServer(url: "http://127.0.0.1:\(port)")
        }
        throw CLIError("a demo server stopped before it listened")
    }
}
