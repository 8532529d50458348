import ArgumentParser
import SentraStore

/// `sentra conflicts`: every conflict in the survey.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List conflicts, with every value and its author.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var survey: SurveyOptions

    func run() throws {
        try Output.run(json: global.json) { output in
            let replica = try global.openReplica()
            let conflicts = try replica.conflicts(survey: survey.survey(of: replica))
            output.emit(conflicts) {
                conflicts.isEmpty ? "No conflicts" : conflicts.map(RecordText.conflict).joined(separator: "\n")
            }
        }
    }
}
