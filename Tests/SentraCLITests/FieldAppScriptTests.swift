import Foundation
import Testing

/// Runs the field app's JavaScript tests (`node --test Sources/SentraWeb/FieldApp/tests`), so that
/// `swift test` covers the browser replica's merge core too: its HLC, JSON reader, merge rule and
/// replica, the shared merge cases in `Tests/Fixtures/merge-cases.json`, the cross-check against
/// the reference model (which needs `python3`), and the sync client's live tests against the built
/// `sentra` binary (`SENTRA_BIN`, found as ``SentraProcess/executable``).
///
/// Fails, not skips, when Node.js is missing: the field app's merge must not go untested.
@Suite struct FieldAppScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tests = root.appendingPathComponent("Sources/SentraWeb/FieldApp/tests")

    /// The first executable named `name` on `PATH`.
    static func executable(_ names: [String]) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in names {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    @Test("the field app's JavaScript tests pass under node --test")
    func nodeTests() throws {
        guard let node = Self.executable(["node", "nodejs"]) else {
            Issue.record("Node.js is not installed: install it (apt-get install nodejs, version 20 or later) to run the field app's JavaScript tests")
            return
        }
        #expect(FileManager.default.fileExists(atPath: Self.tests.path), "no field app tests at \(Self.tests.path)")
        let process = Process()
        process.executableURL = node
        process.arguments = ["--test", Self.tests.path]
        process.currentDirectoryURL = Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["SENTRA_BIN"] = SentraProcess.executable.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "node --test \(Self.tests.path) exited with \(process.terminationStatus):\n\(text)")
    }
}
