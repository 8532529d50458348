import ArgumentParser
import SentraStore

/// `sentra status`: the node and what each survey holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the node, and per survey its version vector, records and conflicts.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Output.run(json: global.json) { output in
            let status = try global.openReplica().status()
            output.emit(status) {
                var lines = ["node \(status.node.name) (\(status.node.id))"]
                for survey in status.surveys {
                    lines.append("survey \(survey.name)\(survey.name == status.defaultSurvey ? " (default)" : "")")
                    lines.append("  records    \(survey.records)")
                    lines.append("  conflicts  \(survey.conflicts)")
                    lines.append("  changes    \(survey.changes)")
                    lines.append("  version    \(survey.versionVector)")
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
