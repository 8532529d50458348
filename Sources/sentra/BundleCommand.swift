import ArgumentParser
import Foundation
import SentraCore
import SentraStore

/// `sentra bundle`: sync by file where there is no network.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Write or apply a sync bundle file.",
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the survey's changes to a bundle file.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Option(help: "The bundle file to write.") var out: String
        @Option(name: .customLong("for"), help: "Only what this node (ID or name) lacked when last heard from.") var recipient: String?
        @OptionGroup var replicaOnly: ReplicaOnlyOption

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let bundle = try replica.exportBundle(survey: survey.survey(of: replica), for: recipient)
                try InputFile.write(bundle.data, to: out)
                output.emit(Written(out: out, changes: bundle.changeCount, bytes: bundle.data.count, recipient: bundle.recipient)) {
                    "Wrote \(Plural.count(bundle.changeCount, "change")) to \(out) (\(Plural.count(bundle.data.count, "byte")))"
                        + (bundle.recipient.map { " for \($0.name)" }
                            ?? recipient.map { " (never heard from \($0): the bundle holds everything)" } ?? "")
                }
            }
        }

        private struct Written: Encodable {
            let out: String
            let changes: Int
            let bytes: Int
            let recipient: NodeInfo?
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply a bundle file.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The bundle file.") var file: String
        @OptionGroup var replicaOnly: ReplicaOnlyOption

        func run() throws {
            try Output.run(json: global.json) { output in
                let data = try InputFile.read(file)
                let replica = try global.openReplica()
                let result = try replica.importBundle(data)
                result.forms.refused.forEach { output.warn("warning: \($0)") }
                if result.clockAhead > 0 {
                    output.warn("warning: \(result.clockAhead) of the bundle's changes carried a clock more than \(ClockAheadOption.describe(replica.maxClockAhead)) ahead of ours; they were kept, but their writer's clock is probably wrong")
                }
                output.emit(result) {
                    "From \(result.sender.name): \(Plural.count(result.applied, "change")) applied, \(result.skipped) already held, "
                        + "\(Plural.count(result.newConflicts, "new conflict"))" + FormsLine.updated(result.forms.updated)
                }
            }
        }
    }
}
