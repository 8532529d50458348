import ArgumentParser
import Foundation
import SentraCore
import SentraStore

/// `sentra record`: add, edit, delete, inspect and import records.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Add, edit, delete, show, list and import records.",
        subcommands: [Add.self, Set.self, Delete.self, Show.self, List.self, History.self, Import.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a record.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Option(help: "The record's form.") var form: String
        @Option(help: "The record's ID (default: a new UUIDv7).") var id: String?
        @Flag(help: "Allow a form the survey does not define, although it defines others.") var schemaless = false
        @Argument(help: "Field values, as FIELD=VALUE.") var fields: [String] = []
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let input = try FieldAssignments.parse(fields)
                let change = try await postgres.withCentralStorage(global) { storage in
                    try await RecordCommand.advisingSchemaless {
                        try await storage.addRecord(survey: survey.survey(of: storage), form: form, id: id, fields: input, schemaless: schemaless)
                    }
                }
                output.emit(Written(id: change.record, change: change.dot.description)) { change.record }
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Edit fields of a record.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The record's ID.") var id: String
        @Argument(help: "Field values, as FIELD=VALUE.") var fields: [String] = []
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let input = try FieldAssignments.parse(fields)
                let change = try await postgres.withCentralStorage(global) { storage in
                    try await storage.setFields(survey: survey.survey(of: storage), record: id, fields: input)
                }
                output.emit(Written(id: change.record, change: change.dot.description)) { "Record \(id) updated" }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a record.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The record's ID.") var id: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let change = try await postgres.withCentralStorage(global) { storage in
                    try await storage.deleteRecord(survey: survey.survey(of: storage), record: id)
                }
                output.emit(Written(id: change.record, change: change.dot.description)) { "Record \(id) deleted" }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a record with every value and its author.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The record's ID.") var id: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let record = try await postgres.withCentralStorage(global) { storage in
                    try await storage.record(survey: survey.survey(of: storage), id: id)
                }
                output.emit(record) { RecordText.detail(record) }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List records.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Option(help: "Only records of this form.") var form: String?
        @Flag(help: "Include deleted records.") var deleted = false
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let records = try await postgres.withCentralStorage(global) { storage in
                    try await storage.records(survey: survey.survey(of: storage), form: form, includeDeleted: deleted)
                }
                output.emit(records) { records.map(RecordText.summary).joined(separator: "\n") }
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every change to a record.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The record's ID.") var id: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let (history, names) = try await postgres.withCentralStorage(global) { storage in
                    (try await storage.history(survey: survey.survey(of: storage), record: id), try await storage.nodeNames())
                }
                output.emit(history) { history.map { ChangeText.line($0, names: names) }.joined(separator: "\n") }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import rows of a .csv or .ndjson file as new records.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Option(help: "The records' form.") var form: String
        @Flag(help: "Allow a form the survey does not define, although it defines others.") var schemaless = false
        @Argument(help: "A .csv file with a header row, or an .ndjson file.") var file: String
        @OptionGroup var replicaOnly: ReplicaOnlyOption

        func run() throws {
            try Output.run(json: global.json) { output in
                let format: ImportFormat
                switch file.split(separator: ".").last?.lowercased() {
                case "csv": format = .csv
                case "ndjson", "jsonl": format = .ndjson
                default: throw CLIError("\(file): expected a .csv or .ndjson file")
                }
                // Read in chunks by the store, twice when it is long: refused here, as a file read
                // whole was, when it cannot be read at all.
                try InputFile.checkReadable(file)
                let replica = try global.openReplica()
                let result = try RecordCommand.advisingSchemaless {
                    try replica.importRecords(contentsOf: URL(fileURLWithPath: file), format: format, survey: survey.survey(of: replica),
                                              form: form, schemaless: schemaless)
                }
                output.emit(result) { "Imported \(Plural.count(result.imported, "record"))" }
            }
        }
    }

    /// Runs `body`, adding the CLI's way out to an unknown form's message.
    static func advisingSchemaless<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError where error.code == .unknownForm {
            throw advising(error)
        }
    }

    /// ``advisingSchemaless(_:)`` for a body that awaits.
    static func advisingSchemaless<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError where error.code == .unknownForm {
            throw advising(error)
        }
    }

    private static func advising(_ error: StoreError) -> StoreError {
        StoreError(error.code, "\(error.message) (to write records of a form the survey does not define, add --schemaless)", underlying: error)
    }

    /// What a write prints with `--json`.
    struct Written: Encodable {
        let id: String
        let change: String
    }
}
