import Foundation
public import Logging
import PostgresNIO
import SentraStore
public import SentraCore

/// A central node whose state lives in PostgreSQL instead of a SQLite replica file (issue 15,
/// decision 0019): the same protocol and the same answers, and several `sentra serve` processes
/// may share one database.
///
/// ```swift
/// let url = try PostgresURL("postgres://sentra@db.kantor/sentra")
/// let store = try await PostgresStore.open(url, logger: logger)      // after `sentra init --postgres`
/// let server = NodeServer(storage: store, logger: logger)
/// ```
///
/// Every append to a survey's log takes that survey's advisory lock for its transaction, so log
/// positions are given in commit order, and a pull cursor never passes a change that commits later.
public final class PostgresStore: Sendable {
    /// This node's ID and name.
    public let node: NodeInfo
    /// The address, without its password.
    public let url: String
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>
    /// How far ahead of the wall clock a received clock is still followed.
    let maxClockAhead: Int64 = HybridClock.defaultMaxAhead

    private init(node: NodeInfo, url: String, client: PostgresClient, logger: Logger, running: Task<Void, Never>) {
        self.node = node
        self.url = url
        self.client = client
        self.logger = logger
        self.running = running
    }

    /// Opens the node kept in the database at `url`, bringing its schema up to date.
    /// Throws ``PostgresStoreError`` `not_a_node` when `sentra init --postgres` has not made one there.
    public static func open(_ url: PostgresURL, logger: Logger) async throws -> PostgresStore {
        let (client, running) = try await connect(url, logger: logger)
        do {
            try await PostgresSchema.migrate(client, logger: logger)
            var found: NodeInfo?
            for try await (id, name) in try await client.query("SELECT id, name FROM sentra_node", logger: logger).decode((String, String).self) {
                found = NodeID(rawValue: id).map { NodeInfo(id: $0, name: name) }
            }
            guard let node = found else {
                throw PostgresStoreError(.notANode, "\(url) holds no Sentra node; make one with `sentra init --postgres \(url) --name NAME --survey S`")
            }
            return PostgresStore(node: node, url: url.description, client: client, logger: logger, running: running)
        } catch {
            running.cancel()
            throw readable(error, doing: "open the node")
        }
    }

    /// Makes a new node in the database at `url`, holding `survey`, with a new random node ID
    /// unless `nodeID` names one (a seeded simulation replays its IDs).
    /// Throws ``PostgresStoreError`` `already_a_node` when the database holds one.
    public static func create(_ url: PostgresURL, name: String, survey: String, nodeID: NodeID? = nil, logger: Logger) async throws -> PostgresStore {
        try Replica.checkSurveyName(survey)
        let (client, running) = try await connect(url, logger: logger)
        do {
            try await PostgresSchema.migrate(client, logger: logger)
            let node = NodeInfo(id: nodeID ?? NodeID.random(), name: name)
            try await Self.transaction(client, logger: logger) { connection in
                try await connection.query("LOCK TABLE sentra_node IN EXCLUSIVE MODE", logger: logger)
                for try await _ in try await connection.query("SELECT id FROM sentra_node", logger: logger).decode(String.self) {
                    throw PostgresStoreError(.alreadyANode, "\(url) holds a Sentra node already; open it with --postgres, or use another database")
                }
                let created = Date().ISO8601Format()
                try await connection.query("INSERT INTO sentra_node (id, name, default_survey, created_at) VALUES (\(node.id.rawValue), \(name), \(survey), \(created))", logger: logger)
                try await connection.query("INSERT INTO survey (name, log_id) VALUES (\(survey), \(UUID().uuidString.lowercased()))", logger: logger)
            }
            return PostgresStore(node: node, url: url.description, client: client, logger: logger, running: running)
        } catch {
            running.cancel()
            throw readable(error, doing: "make the node")
        }
    }

    /// Runs `body` in one transaction on a connection of the pool, and rethrows what `body`
    /// throws as it is: PostgresNIO wraps it in a `PostgresTransactionError`, where a
    /// ``SentraStore/StoreError`` would lose the code the server maps to an HTTP status.
    static func transaction<T: Sendable>(_ client: PostgresClient, logger: Logger,
                                         _ body: (PostgresConnection) async throws -> sending T) async throws -> sending T {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }

    /// `error` with what PostgreSQL said in its message, when it is PostgresNIO's `PSQLError`,
    /// whose own description hides it ("Generic description to prevent accidental leakage…").
    static func readable(_ error: any Error, doing what: String) -> any Error {
        guard let error = error as? PSQLError else { return error }
        let said = error.serverInfo.flatMap { info in info[.message].map { "\($0) (SQLSTATE \(info[.sqlState] ?? "?"))" } }
        return PostgresStoreError(.refused, "PostgreSQL refused to \(what): \(said ?? String(reflecting: error))")
    }

    /// Stops the connection pool.
    public func close() {
        running.cancel()
    }

    static func connect(_ url: PostgresURL, logger: Logger) async throws -> (PostgresClient, Task<Void, Never>) {
        let client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
        let running = Task { await client.run() }
        do {
            try await client.query("SELECT 1", logger: logger)
        } catch {
            running.cancel()
            throw PostgresStoreError(.unreachable, "cannot reach PostgreSQL at \(url): \(await why(url, failed: error, logger: logger))")
        }
        return (client, running)
    }

    /// Why the pool could not connect, from one connection of its own: the pool says only that
    /// it gave up, where a connection says "password authentication failed" or "role does not exist".
    private static func why(_ url: PostgresURL, failed error: any Error, logger: Logger) async -> String {
        do {
            let connection = try await PostgresConnection.connect(configuration: url.single, id: 1, logger: logger)
            try? await connection.close()
            return String(reflecting: error)
        } catch let refused as PSQLError {
            if let message = refused.serverInfo?[.message] { return message }
            return refused.underlying.map { String(describing: $0) } ?? String(reflecting: refused)
        } catch {
            return String(describing: error)
        }
    }
}
