import ArgumentParser
import Foundation
import SentraCore
import SentraStore

/// `sentra form`: the survey's form definitions.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form", abstract: "Import or list form definitions.",
        subcommands: [Import.self, List.self, Show.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or update a form definition from a JSON file.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The form definition (JSON).") var file: String

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let data = try InputFile.read(file)
                let form = try Replica.decodeForm(data, source: file)
                try replica.importForm(form, survey: survey.survey(of: replica))
                output.emit(Imported(form: form.name, fields: form.fields.count)) {
                    "Form \(form.name) imported: \(Plural.count(form.fields.count, "field"))"
                }
            }
        }

        private struct Imported: Encodable {
            let form: String
            let fields: Int
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the survey's forms.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let forms = try replica.forms(survey: survey.survey(of: replica))
                output.emit(forms) {
                    forms.isEmpty ? "No forms in survey \(survey.survey(of: replica))"
                        : forms.map { "\($0.name)\t\(Plural.count($0.fields.count, "field"))\t\($0.title ?? "")" }.joined(separator: "\n")
                }
            }
        }
    }
}

extension FormCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a form definition as JSON, as `form import` reads it.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The form's name.") var name: String

        func run() throws {
            try Output.run(json: true) { output in
                let replica = try global.openReplica()
                guard let form = try replica.form(survey: survey.survey(of: replica), name: name) else {
                    throw CLIError("no form \(name) in survey \(survey.survey(of: replica))")
                }
                output.document(form)
            }
        }
    }
}

/// Reads files named on the command line, with one-line errors.
enum InputFile {
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path)")
        }
        return data
    }

    /// Writes `data` to `path` through a temporary file and a rename, so a reader never sees half a file.
    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
