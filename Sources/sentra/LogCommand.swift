import ArgumentParser
import SentraStore

/// `sentra log`: the change log, newest last.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the change log, newest last.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var survey: SurveyOptions
    @Option(help: "Show only the last N changes.") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try Output.run(json: global.json) { output in
            let replica = try global.openReplica()
            let name = survey.survey(of: replica)
            let changes = try limit.map { try replica.latestChanges(survey: name, count: $0) } ?? replica.changes(survey: name)
            let names = try replica.nodeNames()
            output.emit(changes) { changes.map { ChangeText.line($0, names: names) }.joined(separator: "\n") }
        }
    }
}
