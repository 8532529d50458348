import ArgumentParser
import SentraStore

/// `sentra survey`: the surveys a replica holds.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Add or list the surveys this replica holds.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hold another survey in this replica.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The survey's name.") var name: String

        func run() throws {
            try Output.run(json: global.json) { output in
                try global.openReplica().addSurvey(name)
                output.emit(["survey": name]) { "Survey \(name) added" }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the surveys this replica holds.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Output.run(json: global.json) { output in
                let surveys = try global.openReplica().surveys()
                output.emit(surveys) { surveys.joined(separator: "\n") }
            }
        }
    }
}
