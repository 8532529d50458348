import ArgumentParser
import SentraStore

/// `sentra conflicts`: every conflict in the survey.
struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List conflicts, with every value and its author.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var survey: SurveyOptions
    @OptionGroup var postgres: PostgresOption

    func run() async throws {
        try await Output.run(json: global.json) { output in
            let conflicts = try await postgres.withCentralStorage(global) { try await $0.conflicts(survey: survey.survey(of: $0)) }
            output.emit(conflicts) {
                conflicts.isEmpty ? "No conflicts" : conflicts.map(RecordText.conflict).joined(separator: "\n")
            }
        }
    }
}
