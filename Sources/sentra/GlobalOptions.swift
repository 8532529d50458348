import ArgumentParser
import Foundation
import SentraCore
import SentraServer
import SentraStore

/// The options every command takes: where the replica is, and whether to print JSON.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The replica's SQLite file (default: $SENTRA_DB, else ./sentra.db).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Print exactly one JSON document on stdout.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "How far ahead of this node's wall clock a received change's clock may be for ours to follow it, such as 24h, 90m or 2d (default: $SENTRA_MAX_CLOCK_AHEAD, else 24h).",
        valueName: "duration"))
    var maxClockAhead: String?

    func validate() throws {
        _ = try maxClockAheadMilliseconds()
    }

    /// `--max-clock-ahead`, else `$SENTRA_MAX_CLOCK_AHEAD`, else ``HybridClock/defaultMaxAhead``.
    func maxClockAheadMilliseconds() throws -> Int64 {
        let environment = ProcessInfo.processInfo.environment[ClockAheadOption.environment].flatMap { $0.isEmpty ? nil : $0 }
        guard let text = maxClockAhead ?? environment else { return HybridClock.defaultMaxAhead }
        guard let milliseconds = ClockAheadOption.parse(text) else {
            let source = maxClockAhead != nil ? "--max-clock-ahead" : "$\(ClockAheadOption.environment)"
            throw ValidationError("\(source) \"\(text)\" is not a duration such as 24h, 90m, 30s or 2d")
        }
        return milliseconds
    }

    /// The replica path: `--db`, else `$SENTRA_DB`, else `./sentra.db`.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["SENTRA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "sentra.db"
    }

    /// The replica path for a command that works on a replica file: ``databasePath``, unless
    /// `$SENTRA_POSTGRES_URL` names a central node in PostgreSQL and no `--db` is given. Then the
    /// command fails rather than work on `./sentra.db` behind the operator's back.
    func replicaPath() throws -> String {
        if db == nil, PostgresOption.environmentURL != nil {
            throw CLIError("$\(PostgresOption.environment) names a central node in PostgreSQL, and this command works on a replica file only: give it --db PATH")
        }
        return databasePath
    }

    /// Opens the replica at ``replicaPath()``.
    func openReplica() throws -> Replica {
        try Replica.open(at: replicaPath(), maxClockAhead: maxClockAheadMilliseconds())
    }
}

/// The `--survey` option of commands that work on one survey.
struct SurveyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The survey (default: the one given at init).", valueName: "survey"))
    var survey: String?

    func survey(of replica: Replica) -> String { survey ?? replica.defaultSurvey }

    /// `--survey`, else the node's default survey.
    func survey(of storage: any CentralStorage) async throws -> String {
        if let survey { return survey }
        return try await storage.defaultSurvey()
    }
}
