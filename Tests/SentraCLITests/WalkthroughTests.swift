import Foundation
import Testing

/// The Examples walkthrough and the README's tour run green against the built binary.
@Suite(.serialized) struct WalkthroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func bash(_ script: String, in workspace: Workspace) throws -> SentraProcess.Result {
        let process = SentraProcess(db: workspace.path("unused.db")).shell(script)
        process.environment?["WORK"] = workspace.url.path
        return try process.runCapturingOutput()
    }

    @Test func examplesWalkthroughRunsGreen() throws {
        let workspace = Workspace()
        let script = Self.root.appendingPathComponent("Examples/ikm-konveksi/walkthrough.sh").path
        let result = try bash("bash '\(script)'", in: workspace)
        #expect(result.status == 0, "walkthrough failed:\n\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Walkthrough complete: 4 nodes agree, 1 conflict found and resolved, 25 records exported"))
    }

    /// Every `sh` block of the README, after the first (the two commands CI runs itself), runs in order.
    @Test func readmeCommandsRun() throws {
        try runBlocks(of: "README.md", skipping: 1, expectAtLeast: 2)
    }

    /// Every `sh` block of Docs/cli.md runs in order.
    @Test func cliReferenceCommandsRun() throws {
        try runBlocks(of: "Docs/cli.md", skipping: 0, expectAtLeast: 5)
    }

    /// Runs a Markdown file's `sh` blocks as one script, with `sentra` as the built binary, in a
    /// workspace where `Examples` is the project's, and port 8080 replaced by a free one.
    private func runBlocks(of file: String, skipping: Int, expectAtLeast count: Int) throws {
        let workspace = Workspace()
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let blocks = text.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count - skipping >= count, "\(file) has \(blocks.count) sh blocks")
        let port = 20_000 + Int.random(in: 0..<20_000)
        // `sentra` on PATH, not a shell function, so `sentra serve … &` is the server itself and the trap stops it.
        var script = "set -euo pipefail\ncd \"$WORK\"\nmkdir bin\nln -s \"$SENTRA\" bin/sentra\nexport PATH=\"$PWD/bin:$PATH\"\n"
        script += "ln -s '\(Self.root.path)/Examples' Examples\n"
        script += "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
        for block in blocks.dropFirst(skipping) {
            for line in block.split(separator: "\n") {
                let command = line.components(separatedBy: "   #")[0].trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: ":8080", with: ":\(port)").replacingOccurrences(of: "--port 8080", with: "--port \(port)")
                if command.isEmpty || command.hasPrefix("swift build") || command.hasPrefix("alias ") { continue }
                script += command.hasSuffix("&") ? command + "\nsleep 2\n" : command + "\n"
            }
        }
        let result = try bash(script, in: workspace)
        #expect(result.status == 0, "\(file) commands failed:\n\(script)\n\(result.stdout)\n\(result.stderr)")
    }
}
