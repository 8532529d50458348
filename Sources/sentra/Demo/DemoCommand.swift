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
            and the office sees and resolves the conflict, then exports CSV.
            """)

    /// `--json` prints only the summary; `--db` is accepted like everywhere, but the demo makes its own replicas.
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to put the replicas (default: a new temporary directory).") var dir: String?
    @Option(help: "Records each enumerator adds.") var records = 20

    func validate() throws {
        guard (1...100_000).contains(records) else { throw ValidationError("--records must be between 1 and 100000") }
    }

    func run() async throws {
        try await Output.run(json: global.json) { output in
            let directory = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("sentra-demo-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let quiet = global.json
            let narrate: @Sendable (String) -> Void = { line in if !quiet { output.line(line) } }
            var scenario = DemoScenario(directory: directory, recordsPerEnumerator: records, narrate: narrate)
            let summary = try await scenario.run()
            output.emit(summary) { summary.table }
        }
    }
}
