import ArgumentParser
import SentraStore

/// `sentra survey`: the surveys a replica holds.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Add or list the surveys this replica holds.",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hold another survey in this replica.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The survey's name.") var name: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                try await postgres.withCentralStorage(global) { try await $0.addSurvey(name) }
                output.emit(["survey": name]) { "Survey \(name) added" }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the surveys this replica holds.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let surveys = try await postgres.withCentralStorage(global) { try await $0.surveys() }
                output.emit(surveys) { surveys.joined(separator: "\n") }
            }
        }
    }
}
