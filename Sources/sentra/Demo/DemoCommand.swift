import ArgumentParser
import Foundation

/// `sentra demo`: the census walkthrough on fresh replicas, narrated.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the census walkthrough on fresh replicas and explain each step.",
        discussion: """
            A district office and a supervisor serve HTTP on loopback ports; two enumerators record \
            garment workshops offline, sync directly and through the supervisor, edit the same workshop, \
            and the office sees and resolves the conflict, then exports CSV. With --serve the office node then \
            keeps serving its API and office pages on 127.0.0.1 (and Ani's tablet keeps syncing with it) until \
            Ctrl-C, and the demo prints an access code to sign in with and a field app enrolment link.
            """)

    /// `--json` prints only the summary; `--db` is accepted like everywhere, but the demo makes its own replicas.
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to put the replicas (default: a new temporary directory).") var dir: String?
    @Option(help: "Records each enumerator adds.") var records = 20
    @Flag(help: "Afterwards keep the office node serving (API, office pages) and Ani's tablet syncing, until Ctrl-C.")
    var serve = false
    @Option(help: ArgumentHelp("With --serve: the office node's port on 127.0.0.1 (default 8080; 0 for any free port).", valueName: "port"))
    var port: Int?

    func validate() throws {
        guard (1...100_000).contains(records) else { throw ValidationError("--records must be between 1 and 100000") }
        if let port {
            guard serve else { throw ValidationError("--port needs --serve") }
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        }
    }

    func run() async throws {
        try await Output.run(json: global.json) { output in
            let port = port ?? 8080
            // Before the walkthrough, so a taken port fails at once and leaves nothing behind.
            if serve { try LoopbackPort.requireFree(host: DemoServer.host, port: port) }
            let directory = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("sentra-demo-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let quiet = global.json
            let narrate: @Sendable (String) -> Void = { line in if !quiet { output.line(line) } }
            var scenario = DemoScenario(directory: directory, recordsPerEnumerator: records, narrate: narrate)
            let summary = try await scenario.run()
            output.emit(summary) { summary.table }
            if serve, let token = scenario.aniToken {
                try await DemoServer(directory: directory, port: port, tabletToken: token, output: output).run()
            }
        }
    }
}
