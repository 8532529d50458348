import ArgumentParser
import SentraCore
import SentraStore
import SentraServer

/// `sentra status`: the node and what each survey holds.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the node, and per survey its version vector, records and conflicts.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var postgres: PostgresOption

    func run() async throws {
        try await Output.run(json: global.json) { output in
            let status = try await postgres.withCentralStorage(global) { try await $0.status() }
            output.emit(status) {
                var lines = ["node \(status.node.name) (\(status.node.id))"]
                for survey in status.surveys {
                    lines.append("survey \(survey.name)\(survey.name == status.defaultSurvey ? " (default)" : "")")
                    lines.append("  records    \(survey.records)")
                    lines.append("  conflicts  \(survey.conflicts)")
                    lines.append("  changes    \(survey.changes)")
                    lines.append("  version    \(survey.versionVector)")
                    if let unacknowledged = survey.unacknowledged { lines.append("  not yet acknowledged by the daemon's peer  \(unacknowledged)") }
                    if !survey.reviews.isEmpty {
                        let counts = ReviewState.allCases.compactMap { state in survey.reviews[state.rawValue].map { "\(state.rawValue) \($0)" } }
                        lines.append("  reviews    \(counts.joined(separator: ", "))")
                    }
                    for form in survey.forms { lines.append("  form       \(form.name) version \(form.version), \(form.origin)") }
                }
                if let daemon = status.daemon {
                    lines.append("daemon \(daemon.state.rawValue) (pid \(daemon.pid)), peer \(daemon.peer?.name ?? "not reached yet") at \(daemon.url)")
                    lines.append("  last attempt  \(daemon.lastAttempt ?? "never")")
                    lines.append("  last success  \(daemon.lastSuccess ?? "never")")
                    if let error = daemon.lastError { lines.append("  last error    \(error) (\(Plural.count(daemon.consecutiveFailures, "failure")) in a row)") }
                    if let next = daemon.nextAttempt { lines.append("  next attempt  \(next)") }
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
