import ArgumentParser
import Foundation
import Logging
import NIOCore
import SentraQR
import SentraServer
import SentraPostgres
import SentraWeb
import SentraStore
import Synchronization

/// `sentra serve`: the node's HTTP API on this replica, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve this replica's sync and office API over HTTP.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise, and stops cleanly on SIGINT or SIGTERM. \
            Every route but /healthz needs a token from `sentra token create` (/metrics too, unless \
            --public-metrics). With --tls-cert and --tls-key it serves HTTPS only.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on; 0.0.0.0 for every interface.") var host = "127.0.0.1"
    @Option(help: "The TCP port; 0 for any free port.") var port = 8080
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve HTTPS with this PEM certificate (chain), with --tls-key.", valueName: "file"))
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?
    @Flag(help: "Serve /metrics to anyone, without a token (for a scraper on a trusted network).") var publicMetrics = false
    @Option(help: ArgumentHelp("The node's address as phones reach it, for the enrolment links of the office's devices page (default: the address the office's browser used).", valueName: "url"))
    var publicURL: String?
    @OptionGroup var postgres: PostgresOption

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        if let publicURL {
            do { _ = try EnrolmentLink.nodeURL(publicURL) } catch let error as QRError { throw ValidationError("--public-url \(error.message)") }
        }
    }

    func run() async throws {
        try await Output.run(json: global.json) { output in
            // Checked before anything is opened: a bad certificate or key changes nothing.
            let tls = try tlsCertificate.map { try ServerTLS(certificateFile: $0, keyFile: tlsKey ?? "") }
            var logger = Logger(label: "sentra.server")
            logger.logLevel = .info
            try await postgres.withCentralStorage(global) { storage in
                try await serve(storage, tls: tls, logger: logger, output: output)
            }
        }
    }

    /// Serves `storage` until SIGINT or SIGTERM.
    private func serve(_ storage: any NodeStorage, tls: ServerTLS?, logger: Logger, output: Output) async throws {
        if try await !storage.tokens().contains(where: \.isActive) {
            output.warn("warning: no active token; create one with `sentra token create --name NAME --role admin`")
        }
        let server = NodeServer(storage: storage, host: host, port: port, tls: tls, publicMetrics: publicMetrics, logger: logger)
        let router = server.router()
        let site = OfficeSite(storage: storage, secure: tls != nil,
                              settings: OfficeSettings(publicURL: try publicURL.map(EnrolmentLink.nodeURL)), logger: logger)
        site.addRoutes(to: router)
        // SENTRA_FIELD_APP_DIR: serve the field app from a checkout, for working on it (Docs/field-app.md).
        let fieldAppDirectory = ProcessInfo.processInfo.environment["SENTRA_FIELD_APP_DIR"].map { URL(fileURLWithPath: $0) }
        (fieldAppDirectory.map { FieldApp(developingFrom: $0) } ?? FieldApp()).addRoutes(to: router)
        // The office's record index is built while the node already serves devices.
        Task(priority: .background) { await site.prepare() }
        let node = storage.node
        let host = host
        let listening = Mutex(false)
        let app = server.application(router: router) { port in
            listening.withLock { $0 = true }
            let url = "\(tls == nil ? "http" : "https")://\(host.contains(":") ? "[\(host)]" : host):\(port)"
            output.emit(["node": node.name, "id": node.id.rawValue, "url": url]) {
                "sentra: serving \(node.name) (\(node.id)) on \(url)"
            }
        }
        do {
            try await app.runService()
        } catch let error as IOError where !listening.withLock({ $0 }) {
            // Not the error's own description: NIO's reads "…: Address already in use) (errno: 98)".
            throw CLIError("cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode))) (errno \(error.errnoCode))")
        } catch where !listening.withLock({ $0 }) {
            throw CLIError("cannot listen on \(host):\(port): \(error)")
        }
    }
}
