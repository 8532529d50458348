import Logging
import SentraServer

/// A node server on an ephemeral loopback port inside the bench's process, over any storage:
/// ``SentraServer/LoopbackServer`` does the same for a SQLite replica only.
enum BenchServer {
    /// Starts serving `storage` in `group` and returns its URL, `http://127.0.0.1:PORT`, once it
    /// listens. Cancel the group to stop it.
    static func start(_ storage: any NodeStorage, in group: inout ThrowingTaskGroup<Void, any Error>) async throws -> String {
        var logger = Logger(label: "sentra.bench.server")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = NodeServer(storage: storage, host: "127.0.0.1", port: 0, limits: ServerLimits(), logger: logger)
            .application { port in continuation.yield(port) }
        group.addTask { try await app.run() }
        for await port in ports {
            return "http://127.0.0.1:\(port)"
        }
        throw BenchError("a loopback server stopped before it listened")
    }
}
