import Foundation
import Testing

/// The Examples walkthrough and the README's tour run green against the built binary, as a
/// person runs them.
@Suite(.serialized) struct WalkthroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let walkthrough = root.appendingPathComponent("Examples/ikm-konveksi/walkthrough.sh")

    /// Runs `script` with bash in `directory`, with `environment` added; `timeout` stops a script
    /// that hangs (a loop waiting for a server that never comes).
    private func bash(_ script: String, in directory: URL, environment: [String: String] = [:]) throws -> SentraProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["600", "/bin/bash", "-c", script]
        var merged = ProcessInfo.processInfo.environment
        merged["SENTRA"] = nil
        merged["SENTRA_DB"] = nil
        merged.merge(environment) { $1 }
        process.environment = merged
        process.currentDirectoryURL = directory
        return try process.runCapturingOutput()
    }

    /// A directory holding `sentra`, a link to the built binary, to put first on PATH.
    private func binDirectory(in workspace: Workspace) throws -> String {
        let bin = workspace.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/sentra", withDestinationPath: SentraProcess.executable.path)
        return bin
    }

    /// The header's first way: `bash Examples/ikm-konveksi/walkthrough.sh` from the project's root,
    /// with `sentra` on PATH and no $SENTRA (it used to recurse until bash crashed).
    @Test func examplesWalkthroughRunsWithSentraOnPath() throws {
        let workspace = Workspace()
        let path = try binDirectory(in: workspace) + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        try FileManager.default.createDirectory(atPath: workspace.path("work"), withIntermediateDirectories: true)
        let result = try bash("bash Examples/ikm-konveksi/walkthrough.sh", in: Self.root, environment: ["PATH": path, "WORK": workspace.path("work")])
        #expect(result.status == 0, "walkthrough failed:\n\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Walkthrough complete: 4 nodes agree, 1 conflict found and resolved, 25 records exported"))
    }

    /// The header's second way: `SENTRA=relative/path/to/sentra bash Examples/ikm-konveksi/walkthrough.sh`.
    @Test func examplesWalkthroughRunsWithRelativeSentra() throws {
        let workspace = Workspace()
        let bin = try binDirectory(in: workspace)
        try FileManager.default.createDirectory(atPath: workspace.path("work"), withIntermediateDirectories: true)
        let script = "SENTRA=bin/sentra bash '\(Self.walkthrough.path)'"
        let result = try bash(script, in: URL(fileURLWithPath: bin).deletingLastPathComponent(), environment: ["WORK": workspace.path("work")])
        #expect(result.status == 0, "walkthrough failed:\n\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Walkthrough complete"))
    }

    /// One token per device: no token variable is used by two replicas' `sentra sync`.
    @Test func examplesWalkthroughGivesEachDeviceItsOwnToken() throws {
        let text = try String(contentsOf: Self.walkthrough, encoding: .utf8)
        var devices: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.contains("sentra sync") {
            let words = line.split(separator: " ").map(String.init)
            guard let db = words.firstIndex(of: "--db").map({ words[$0 + 1] }),
                  let token = words.firstIndex(of: "--token").map({ words[$0 + 1] }) else { continue }
            devices[token, default: []].insert(db)
        }
        #expect(devices.count >= 3, "the walkthrough syncs with tokens: \(devices)")
        for (token, replicas) in devices {
            #expect(replicas.count == 1, "token \(token) is shared by \(replicas.sorted())")
        }
    }

    /// Every `sh` block of the README, after the first (the two commands CI runs itself), pasted
    /// whole, in order, into one shell, as a reader would: no pause is added after `sentra serve … &`.
    /// It starts where the README says (a directory like the project's root, with the built binary
    /// in `.build/debug`), and aliases work as in an interactive shell.
    @Test func readmeBlocksRunAsPasted() throws {
        let workspace = Workspace()
        try FileManager.default.createDirectory(atPath: workspace.path(".build/debug"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.path(".build/debug/sentra"), withDestinationPath: SentraProcess.executable.path)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("Examples"), withDestinationPath: Self.root.appendingPathComponent("Examples").path)
        try FileManager.default.createDirectory(atPath: workspace.path("tmp"), withIntermediateDirectories: true)
        let script = try blocksScript(of: "README.md", skipping: 1, expectAtLeast: 2, prelude: "shopt -s expand_aliases\n")
        let result = try bash(script, in: workspace.url, environment: ["TMPDIR": workspace.path("tmp")])
        #expect(result.status == 0, "README blocks failed:\n\(script)\n\(result.stdout)\n\(result.stderr)")
    }

    /// Every `sh` block of Docs/cli.md, in order, with `sentra` on PATH and `Examples` at hand.
    @Test func cliReferenceCommandsRun() throws {
        let workspace = Workspace()
        let bin = try binDirectory(in: workspace)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("Examples"), withDestinationPath: Self.root.appendingPathComponent("Examples").path)
        let script = try blocksScript(of: "Docs/cli.md", skipping: 0, expectAtLeast: 5, prelude: "export PATH='\(bin)':\"$PATH\"\n")
        let result = try bash(script, in: workspace.url)
        #expect(result.status == 0, "Docs/cli.md commands failed:\n\(script)\n\(result.stdout)\n\(result.stderr)")
    }

    /// A Markdown file's `sh` blocks as one script, each block whole, as written, but for two
    /// things: `swift build` lines are left out (the test runs the built binary), and port 8080 is
    /// replaced by a free one. Background jobs are stopped at the end.
    private func blocksScript(of file: String, skipping: Int, expectAtLeast count: Int, prelude: String) throws -> String {
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let blocks = text.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count - skipping >= count, "\(file) has \(blocks.count) sh blocks")
        let port = 20_000 + Int.random(in: 0..<20_000)
        var script = "set -euo pipefail\n" + prelude + "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
        for (index, block) in blocks.enumerated().dropFirst(skipping) {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("swift build") }
            script += "echo '== \(file) block \(index + 1)'\n"
            script += lines.joined(separator: "\n").replacingOccurrences(of: ":8080", with: ":\(port)")
                .replacingOccurrences(of: "--port 8080", with: "--port \(port)") + "\n"
        }
        return script
    }
}
