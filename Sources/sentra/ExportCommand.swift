public import ArgumentParser
import Foundation
import SentraCore
public import SentraStore

/// `sentra export`: the survey as CSV, JSON or NDJSON.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the survey's records with their display values.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var survey: SurveyOptions
    @OptionGroup var postgres: PostgresOption
    @Option(help: "csv, json or ndjson.") var format: ExportFormat = .csv
    @Option(help: "Only records of this form.") var form: String?
    @Option(help: "Only records in this review state, such as approved for the clean data.") var state: String?
    @Option(help: "Write to this file instead of stdout.") var out: String?

    func run() async throws {
        try await Output.run(json: global.json) { output in
            if global.json && out == nil && format != .json {
                throw CLIError("with --json, write \(format.rawValue) to a file with --out")
            }
            let reviewState = try state.map(ReviewStateArgument.parse)
            let data = try await postgres.withCentralStorage(global) { storage in
                try await storage.export(survey: survey.survey(of: storage), form: form, state: reviewState, records: nil, format: format)
            }
            guard let out else {
                FileHandle.standardOutput.write(data)
                return
            }
            try InputFile.write(data, to: out)
            output.emit(["out": out, "format": format.rawValue, "bytes": String(data.count)]) {
                "Exported \(format.rawValue) to \(out) (\(Plural.count(data.count, "byte")))"
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
