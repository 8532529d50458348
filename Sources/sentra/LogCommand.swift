import ArgumentParser
import SentraStore

/// `sentra log`: the change log, newest last.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the change log, newest last.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var survey: SurveyOptions
    @OptionGroup var postgres: PostgresOption
    @Option(help: "Show only the last N changes.") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await Output.run(json: global.json) { output in
            let (changes, names) = try await postgres.withCentralStorage(global) { storage in
                let name = try await survey.survey(of: storage)
                let changes: [LoggedChange]
                if let limit {
                    changes = try await storage.latestChanges(survey: name, count: limit)
                } else {
                    changes = try await storage.changes(survey: name, after: 0, limit: .max)
                }
                return (changes, try await storage.nodeNames())
            }
            output.emit(changes) { changes.map { ChangeText.line($0, names: names) }.joined(separator: "\n") }
        }
    }
}
