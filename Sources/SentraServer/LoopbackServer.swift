import Logging
public import SentraStore

/// A node server on an ephemeral loopback port inside this process, as the demo and the
/// benchmark run one.
public struct LoopbackServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let url: String

    /// Starts serving `replica` in `group` and returns once it listens. Cancel the group to stop it.
    public static func start(
        _ replica: Replica, limits: ServerLimits = ServerLimits(), in group: inout ThrowingTaskGroup<Void, any Error>
    ) async throws -> LoopbackServer {
        try await start(storage: ReplicaStorage(replica: replica), limits: limits, in: &group)
    }

    /// Starts serving `storage` (a PostgreSQL node, say) in `group` and returns once it listens.
    public static func start(
        storage: any NodeStorage, limits: ServerLimits = ServerLimits(), in group: inout ThrowingTaskGroup<Void, any Error>
    ) async throws -> LoopbackServer {
        var logger = Logger(label: "sentra.loopback")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = NodeServer(storage: storage, host: "127.0.0.1", port: 0, limits: limits, logger: logger)
            .application { port in continuation.yield(port) }
        group.addTask { try await app.run() }
        for await port in ports {
            return LoopbackServer(url: "http://127.0.0.1:\(port)")
        }
        throw ServerError(status: 500, code: .internal, message: "a loopback server stopped before it listened")
    }
}
