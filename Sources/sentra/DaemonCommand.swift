import ArgumentParser
import Foundation
import Logging
import SentraStore
import SentraSync
import ServiceLifecycle

/// `sentra daemon`: sync in the background whenever a connection allows.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Sync in the background: at start, after local writes, and on an interval.",
        discussion: """
            Backs off exponentially (1 s up to 5 min, with jitter) while the peer cannot be reached. \
            Stops cleanly on SIGINT or SIGTERM. `sentra status` shows what it is doing.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The peer's URL, such as http://192.168.43.1:8080.") var url: String
    @Option(help: "The bearer token (default: $SENTRA_TOKEN).") var token: String?
    @OptionGroup var tls: TrustOptions
    @OptionGroup var replicaOnly: ReplicaOnlyOption
    @Option(help: "Seconds between syncs when nothing happens.") var interval: Int = 30
    @Option(name: .customLong("survey"), help: "A survey to sync; repeat for several (default: the one given at init).") var surveys: [String] = []
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
    }

    func run() async throws {
        try await Output.run(json: global.json) { output in
            guard let token = token ?? ProcessInfo.processInfo.environment["SENTRA_TOKEN"], !token.isEmpty else {
                throw CLIError("give a token with --token or $SENTRA_TOKEN")
            }
            let trust = try tls.trust()
            let replica = try global.openReplica()
            let lock = try DaemonLock(replicaPath: replica.path)
            _ = try HTTPTransport(baseURL: url, token: token, trust: trust)
            var logger = Logger(label: "sentra.daemon")
            logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let url = url
            let daemon = SyncDaemon(
                replica: replica, url: url, surveys: surveys.isEmpty ? [replica.defaultSurvey] : surveys,
                interval: .seconds(interval), logger: logger,
                makeTransport: { try HTTPTransport(baseURL: url, token: token, trust: trust) })
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: daemon)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
            withExtendedLifetime(lock) {}
        }
    }
}
