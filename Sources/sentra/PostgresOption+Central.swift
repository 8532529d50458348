import SentraPostgres
import SentraServer

extension PostgresOption {
    /// Runs an operator's command on the central node's store, through ``CentralStorage``: the
    /// PostgreSQL node when a URL is given (``url(db:)``), else the `--db` replica. The SQLite and
    /// the PostgreSQL node run the same command code. The PostgreSQL store's connections are closed
    /// when `body` ends, however it ends.
    ///
    /// ```swift
    /// try await postgres.withCentralStorage(global) { storage in
    ///     let status = try await storage.status()
    /// }
    /// ```
    func withCentralStorage<T>(_ global: GlobalOptions, _ body: (any CentralStorage) async throws -> T) async throws -> T {
        guard let store = try await open(db: global.db) else {
            return try await body(ReplicaStorage(replica: try global.openReplica()))
        }
        defer { store.close() }
        return try await body(store)
    }
}
