import ArgumentParser
import Foundation
import SentraCore
import SentraStore

/// `sentra form`: the survey's form definitions.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form", abstract: "Publish, import or list form definitions.",
        subcommands: [Publish.self, Import.self, List.self, Show.self])

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a form from this node (the office): every device that syncs with it gets it.",
            discussion: "FILE is an XLSForm (.xlsx) or a form definition (JSON). Its version must be higher than the one published before.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The form: an XLSForm (.xlsx) or JSON.") var file: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let published = try await postgres.withCentralStorage(global) { storage in
                    let form = try FormFile.read(file)
                    return try await storage.publishForm(form, survey: survey.survey(of: storage))
                }
                let form = published.form
                // As the replica's own publish gives it: published here, stored when published.
                let held = HeldForm(definition: form, source: .published, publisher: published.publisher,
                                    publishedAt: published.publishedAt, updatedAt: published.publishedAt)
                output.emit(held) {
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
        @OptionGroup var replicaOnly: ReplicaOnlyOption

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

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the survey's forms, with each one's version and where it came from.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let (name, forms) = try await postgres.withCentralStorage(global) { storage in
                    let name = try await survey.survey(of: storage)
                    return (name, try await storage.heldForms(survey: name))
                }
                output.emit(forms) {
                    forms.isEmpty ? "No forms in survey \(name)"
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
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a form definition as JSON, as `form publish` and `form import` read it.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The form's name.") var name: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: true) { output in
                let (surveyName, held) = try await postgres.withCentralStorage(global) { storage in
                    let surveyName = try await survey.survey(of: storage)
                    return (surveyName, try await storage.heldForms(survey: surveyName).first { $0.name == name })
                }
                guard let form = held?.definition else {
                    throw CLIError("no form \(name) in survey \(surveyName)")
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

    /// Refuses, with ``read(_:)``'s error, a file that ``read(_:)`` could not read: missing,
    /// unreadable or a directory. For a command that has the file read in chunks.
    static func checkReadable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: path) else {
            throw CLIError("cannot read \(path)")
        }
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
