import Foundation
import Testing

/// The Examples walkthrough and the README's tour run green against the built binary.
@Suite(.serialized) struct WalkthroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func bash(_ script: String, in workspace: Workspace) throws -> SentraProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["SENTRA"] = SentraProcess.executable.path
        environment["WORK"] = workspace.url.path
        process.environment = environment
        process.currentDirectoryURL = workspace.url
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func examplesWalkthroughRunsGreen() throws {
        let workspace = Workspace()
        let script = Self.root.appendingPathComponent("Examples/ikm-konveksi/walkthrough.sh").path
        let result = try bash("bash '\(script)'", in: workspace)
        #expect(result.status == 0, "walkthrough failed:\n\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Walkthrough complete: 4 nodes agree, 1 conflict found and resolved, 25 records exported"))
    }

    /// Every `sh` block of the README runs, in order, with `sentra` as the built binary.
    @Test func readmeCommandsRun() throws {
        let workspace = Workspace()
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 3)
        var script = "set -euo pipefail\nsentra() { \"$SENTRA\" \"$@\"; }\ncd \"$WORK\"\nln -s '\(Self.root.path)/Examples' Examples\n"
        script += "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
        for block in blocks.dropFirst() {  // the first block is the two commands, run by CI itself
            for line in block.split(separator: "\n") {
                let command = line.components(separatedBy: "   #")[0].trimmingCharacters(in: .whitespaces)
                if command.isEmpty || command.hasPrefix("swift build") || command.hasPrefix("alias ") { continue }
                script += command.hasSuffix("&") ? command + "\nsleep 1.5\n" : command + "\n"
            }
        }
        let result = try bash(script, in: workspace)
        #expect(result.status == 0, "README commands failed:\n\(script)\n\(result.stdout)\n\(result.stderr)")
    }
}
