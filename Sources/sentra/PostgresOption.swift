import ArgumentParser
import Foundation
import Logging
import SentraPostgres

/// `--postgres URL`: a central node kept in PostgreSQL instead of the `--db` SQLite file (issue 15).
///
/// The option beats `--db`; `--db` beats `$SENTRA_POSTGRES_URL`, so that `sentra status --db old.db`
/// reads that file in a shell set up for the PostgreSQL node.
struct PostgresOption: ParsableArguments {
    static let environment = "SENTRA_POSTGRES_URL"

    @Option(name: .long, help: ArgumentHelp(
        "Work on the central node in PostgreSQL instead of --db: postgres://USER:PASSWORD@HOST:PORT/DATABASE, or postgres://USER@/DATABASE?host=/run/postgresql (default: $SENTRA_POSTGRES_URL, unless --db is given).",
        valueName: "url"))
    var postgres: String?

    /// The URL given, else `$SENTRA_POSTGRES_URL` when `--db` is not given, else nil (the SQLite file).
    func url(db: String?) throws -> PostgresURL? {
        let text = postgres ?? (db == nil ? Self.environmentURL : nil)
        return try text.map(PostgresURL.init)
    }

    /// The store at the URL, for one command; nil for the SQLite file. The caller closes it.
    func open(db: String?) async throws -> PostgresStore? {
        guard let url = try url(db: db) else { return nil }
        return try await PostgresStore.open(url, logger: Self.quietLogger)
    }

    /// `$SENTRA_POSTGRES_URL` when it is set and not empty.
    static var environmentURL: String? {
        ProcessInfo.processInfo.environment[environment].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Errors only: PostgresNIO's connection notes are not for a command's output.
    static var quietLogger: Logger {
        var logger = Logger(label: "sentra.postgres")
        logger.logLevel = .error
        return logger
    }
}
