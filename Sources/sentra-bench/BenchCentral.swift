import Logging
import SentraCore
import SentraPostgres
import SentraServer
import SentraStore
import SentraTestSupport

/// Where a measure's central node keeps its state: a SQLite replica file, as `sentra serve --db`
/// keeps it, or a PostgreSQL database, as `sentra serve --postgres` does (issue 15).
enum CentralStore: Sendable {
    case sqlite
    case postgres(PostgresServer)
}

/// One central node of a run, new and empty but for the census survey, and what a measure does
/// with it: tokens for its devices, and its state to check results against.
struct BenchCentral: Sendable {
    let storage: any NodeStorage
    /// The PostgreSQL store and its database, to close and drop at the end; nil on SQLite.
    private let postgres: (store: PostgresStore, server: PostgresServer, database: String)?

    /// A new central node named `name` (letters, digits, `-`) in `store`.
    static func create(_ store: CentralStore, name: String, workspace: BenchWorkspace) async throws -> BenchCentral {
        switch store {
        case .sqlite:
            return BenchCentral(storage: ReplicaStorage(replica: try workspace.replica(name)), postgres: nil)
        case .postgres(let server):
            let database = Self.databaseName(name)
            let url = try PostgresURL(try server.createDatabase(database))
            let store = try await PostgresStore.create(url, name: name, survey: BenchRecords.survey, logger: Self.quietLogger)
            return BenchCentral(storage: store, postgres: (store, server, database))
        }
    }

    /// The node kept in PostgreSQL database `database` of `server`, made by other means (a copy).
    static func open(_ database: String, on server: PostgresServer) async throws -> BenchCentral {
        let store = try await PostgresStore.open(try PostgresURL(server.url(database)), logger: Self.quietLogger)
        return BenchCentral(storage: store, postgres: (store, server, database))
    }

    /// A token for the node's HTTP API, bound to `device`: one token per device.
    func token(for device: Replica) async throws -> String {
        let token = AccessToken.generate()
        try await storage.insertToken(AccessToken.record(for: token, name: device.node.name, role: .enumerator,
                                                         survey: BenchRecords.survey, node: device.node.id))
        return token
    }

    /// The node's version vector for the census survey.
    func versionVector() async throws -> VersionVector {
        try await storage.state(survey: BenchRecords.survey).versionVector
    }

    /// How many records the node holds, deleted ones left out.
    func recordCount() async throws -> Int {
        try await storage.records(survey: BenchRecords.survey, form: nil, includeDeleted: false).count
    }

    /// The PostgreSQL database's URL, for `sentra serve --postgres`; nil on SQLite.
    var postgresURL: String? { postgres.map { $0.server.url($0.database) } }

    /// Closes the PostgreSQL store's connections and drops its database; nothing on SQLite (the
    /// workspace's removal deletes the replica).
    func close() {
        guard let postgres else { return }
        postgres.store.close()
        try? postgres.server.dropDatabase(postgres.database)
    }

    /// `name` as a PostgreSQL database name: lower case, `_` for `-`.
    static func databaseName(_ name: String) -> String {
        "sentra_" + name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// Errors only: PostgresNIO's connection notes are not for the bench's output.
    static var quietLogger: Logger {
        var logger = Logger(label: "sentra.bench.postgres")
        logger.logLevel = .error
        return logger
    }
}
