import ArgumentParser
import Foundation
import SentraStore
import SentraSync

/// `sentra sync`: push, then pull, one survey with a peer over HTTP.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync a survey with a peer: push what it lacks, then pull what we lack.",
        discussion: "An interrupted sync loses nothing; run it again to resume.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var survey: SurveyOptions
    @Argument(help: "The peer's URL, such as http://192.168.43.1:8080.") var url: String
    @Option(help: "The bearer token (default: $SENTRA_TOKEN).") var token: String?
    @OptionGroup var tls: TrustOptions
    @OptionGroup var replicaOnly: ReplicaOnlyOption

    func run() async throws {
        try await Output.run(json: global.json) { output in
            guard let token = token ?? ProcessInfo.processInfo.environment["SENTRA_TOKEN"], !token.isEmpty else {
                throw CLIError("give a token with --token or $SENTRA_TOKEN")
            }
            let trust = try tls.trust()
            let replica = try global.openReplica()
            let transport = try HTTPTransport(baseURL: url, token: token, trust: trust)
            let showProgress = !global.json && isatty(STDERR_FILENO) == 1
            let summary: SyncSummary
            do {
                summary = try await SyncDriver(replica: replica, transport: transport).sync(
                    survey: survey.survey(of: replica),
                    onWarning: { output.warn($0) },
                    onProgress: { progress in
                        guard showProgress else { return }
                        FileHandle.standardError.write(Data("\r\u{1B}[Kpushed \(progress.pushed), pulled \(progress.pulled), \(Plural.count(progress.bytesSent + progress.bytesReceived, "byte"))".utf8))
                    })
            } catch {
                throw tls.advise(error)
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if let warning = summary.clockAheadWarning { output.warn("warning: \(warning)") }
            output.emit(summary) {
                "Synced \(summary.survey) with \(summary.peer.name): pushed \(summary.pushed), pulled \(summary.pulled), "
                    + "\(Plural.count(summary.newConflicts, "new conflict")), \(Plural.count(summary.bytesSent, "byte")) sent, \(summary.bytesReceived) received"
                    + FormsLine.updated(summary.formsUpdated)
            }
        }
    }
}
