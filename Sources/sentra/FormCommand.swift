import ArgumentParser
import Foundation
import SentraCore
import SentraStore

/// `sentra form`: the survey's form definitions.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form", abstract: "Publish, import or list form definitions.",
        subcommands: [Publish.self, Import.self, List.self, Show.self])

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a form from this node (the office): every device that syncs with it gets it.",
            discussion: "FILE is an XLSForm (.xlsx) or a form definition (JSON). Its version must be higher than the one published before.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The form: an XLSForm (.xlsx) or JSON.") var file: String

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let form = try FormFile.read(file)
                let published = try replica.publishForm(form, survey: survey.survey(of: replica))
                output.emit(published) {
                    "Form \(form.name) version \(form.version) published: \(Plural.count(form.fields.count, "field")); devices get it at their next sync"
                }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or replace a form on this replica only; it is not passed on (use `form publish` for that).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The form: an XLSForm (.xlsx) or JSON.") var file: String

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let form = try FormFile.read(file)
                try replica.importForm(form, survey: survey.survey(of: replica))
                output.emit(Imported(form: form.name, version: form.version, fields: form.fields.count)) {
                    "Form \(form.name) version \(form.version) imported: \(Plural.count(form.fields.count, "field"))"
                }
            }
        }

        private struct Imported: Encodable {
            let form: String
            let version: Int64
            let fields: Int
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the survey's forms, with each one's version and where it came from.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let forms = try replica.heldForms(survey: survey.survey(of: replica))
                output.emit(forms) {
                    forms.isEmpty ? "No forms in survey \(survey.survey(of: replica))"
                        : forms.map { form in
                            [form.name, "version \(form.version)", Plural.count(form.definition.fields.count, "field"), form.origin, form.definition.title ?? ""]
                                .joined(separator: "\t")
                        }.joined(separator: "\n")
                }
            }
        }
    }
}

extension FormCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a form definition as JSON, as `form publish` and `form import` read it.")
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
