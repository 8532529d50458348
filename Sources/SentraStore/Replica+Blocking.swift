import Dispatch

extension Replica {
    /// Runs `body` on a Dispatch worker and waits for it without holding a cooperative thread.
    ///
    /// Every ``Replica`` call blocks on SQLite: a write may wait up to 30 s for another process's
    /// transaction, and a large read or apply takes its time. Swift's cooperative pool has one
    /// thread per core, so on a 2-core tablet one blocked call is half of it. Async code (the sync
    /// driver, the daemon) calls the replica through this, as the server's `ReplicaStorage` does.
    package func blocking<T: Sendable>(_ body: @escaping @Sendable (Replica) throws -> T) async throws -> T {
        let replica = self
        return try await Replica.blocking { try body(replica) }
    }

    /// Runs `body` on a Dispatch worker and waits for it without holding a cooperative thread:
    /// for blocking work with no replica yet, such as opening one.
    package static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
