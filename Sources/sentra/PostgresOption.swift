import ArgumentParser
import Foundation
import Logging
import SentraPostgres

/// `--postgres URL`: a central node kept in PostgreSQL instead of the `--db` SQLite file (issue 15).
struct PostgresOption: ParsableArguments {
    static let environment = "SENTRA_POSTGRES_URL"

    @Option(name: .long, help: ArgumentHelp(
        "Keep this central node in PostgreSQL instead of --db: postgres://USER:PASSWORD@HOST:PORT/DATABASE, or postgres://USER@/DATABASE?host=/run/postgresql (default: $SENTRA_POSTGRES_URL).",
        valueName: "url"))
    var postgres: String?

    /// The URL given, else `$SENTRA_POSTGRES_URL`, else nil (the SQLite file).
    func url() throws -> PostgresURL? {
        let text = postgres ?? ProcessInfo.processInfo.environment[Self.environment].flatMap { $0.isEmpty ? nil : $0 }
        return try text.map(PostgresURL.init)
    }

    /// The store at the URL, for one command.
    func open() async throws -> PostgresStore? {
        guard let url = try url() else { return nil }
        return try await PostgresStore.open(url, logger: Self.quietLogger)
    }

    /// Errors only: PostgresNIO's connection notes are not for a command's output.
    static var quietLogger: Logger {
        var logger = Logger(label: "sentra.postgres")
        logger.logLevel = .error
        return logger
    }
}
