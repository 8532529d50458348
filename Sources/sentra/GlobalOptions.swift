import ArgumentParser
import Foundation
import SentraStore

/// The options every command takes: where the replica is, and whether to print JSON.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The replica's SQLite file (default: $SENTRA_DB, else ./sentra.db).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Print exactly one JSON document on stdout.")
    var json = false

    /// The replica path: `--db`, else `$SENTRA_DB`, else `./sentra.db`.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["SENTRA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "sentra.db"
    }

    func openReplica() throws -> Replica {
        try Replica.open(at: databasePath)
    }
}

/// The `--survey` option of commands that work on one survey.
struct SurveyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The survey (default: the one given at init).", valueName: "survey"))
    var survey: String?

    func survey(of replica: Replica) -> String { survey ?? replica.defaultSurvey }
}
