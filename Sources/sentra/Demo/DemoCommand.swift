import ArgumentParser
import Foundation

/// `sentra demo`: the census walkthrough on fresh replicas, narrated.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the census walkthrough on fresh replicas and explain each step.",
        discussion: """
            Two enumerators record garment workshops offline, carry bundle files to the district \
            office, edit the same workshop, and the office sees and resolves the conflict, then exports CSV.
            """)

    /// `--json` prints only the summary; `--db` is accepted like everywhere, but the demo makes its own replicas.
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to put the replicas (default: a new temporary directory).") var dir: String?
    @Option(help: "Records each enumerator adds.") var records = 20

    func validate() throws {
        guard (1...100_000).contains(records) else { throw ValidationError("--records must be between 1 and 100000") }
    }

    func run() throws {
        try Output.run(json: global.json) { output in
            let directory = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("sentra-demo-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var scenario = DemoScenario(directory: directory, recordsPerEnumerator: records, narrate: global.json ? { _ in } : { output.line($0) })
            let summary = try scenario.run()
            output.emit(summary) { summary.table }
        }
    }
}
