import ArgumentParser
import SentraStore

/// `sentra resolve`: settles a record's conflicts with a write that covers every value.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a record's conflicts.",
        discussion: """
            With FIELD=VALUE, each field (which must be in conflict) gets the value. For a record that \
            was deleted and edited concurrently, --restore brings it back with the surviving values, and \
            --delete deletes it again.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var survey: SurveyOptions
    @OptionGroup var postgres: PostgresOption
    @Flag(help: "Bring a deleted record back.") var restore = false
    @Flag(help: "Delete the record, with every surviving value.") var delete = false
    @Argument(help: "The record's ID.") var id: String
    @Argument(help: "The chosen values, as FIELD=VALUE.") var fields: [String] = []

    func run() async throws {
        try await Output.run(json: global.json) { output in
            let resolution: Replica.Resolution
            switch (restore, delete, fields.isEmpty) {
            case (false, false, false): resolution = .fields(try FieldAssignments.parse(fields))
            case (true, false, true): resolution = .restore
            case (false, true, true): resolution = .delete
            default: throw CLIError("give either FIELD=VALUE…, or --restore, or --delete")
            }
            let change = try await postgres.withCentralStorage(global) { storage in
                try await storage.resolve(survey: survey.survey(of: storage), record: id, resolution: resolution)
            }
            output.emit(RecordCommand.Written(id: id, change: change.dot.description)) { "Record \(id) resolved" }
        }
    }
}
