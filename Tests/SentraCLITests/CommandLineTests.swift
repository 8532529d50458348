import Foundation
import Testing

/// The command line itself, with the real binary: `--version`, and mistakes in the arguments
/// reported as every other error is (Docs/cli.md, "Errors"): one `sentra:` line, exit status 1.
@Suite struct CommandLineTests {
    private func sentra(_ arguments: [String]) throws -> SentraProcess.Result {
        let process = Process()
        process.executableURL = SentraProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        return try process.runCapturingOutput()
    }

    @Test func versionPrintsTheRelease() throws {
        let result = try sentra(["--version"])
        #expect(result.status == 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil, "\(result.stdout)")
        let docs = try ["Docs/cli.md", "Docs/operations.md"].map {
            try String(contentsOf: WalkthroughTests.root.appendingPathComponent($0), encoding: .utf8)
        }
        #expect(docs.allSatisfy { $0.contains("sentra --version") })
    }

    @Test(arguments: [
        (["sync"], "<url>"),
        (["record", "add", "--form", "usaha", "--bogus"], "--bogus"),
        (["record", "add", "--form"], "--form"),
        (["no-such-command"], "no-such-command"),
        (["daemon", "http://127.0.0.1:1", "--interval", "0"], "--interval"),
        (["serve", "--port", "eighty"], "eighty"),
    ])
    func argumentErrorsAreOneLineAndExitOne(_ arguments: [String], _ mention: String) throws {
        let result = try sentra(arguments)
        #expect(result.status == 1, "sentra \(arguments.joined(separator: " ")) exited \(result.status)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got:\n\(result.stderr)")
        #expect(result.stderr.hasPrefix("sentra: ") && result.stderr.contains(mention), "\(result.stderr)")
        #expect(result.stderr.contains("--help"), "it says where help is: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func argumentErrorHintNamesTheSubcommand() throws {
        let result = try sentra(["record", "add", "--form", "usaha", "--bogus"])
        #expect(result.stderr.contains("sentra record add --help"), "\(result.stderr)")
    }

    @Test func argumentErrorWithJSONPrintsTheErrorDocument() throws {
        let result = try sentra(["record", "add", "--json", "--form", "usaha", "--bogus"])
        #expect(result.status == 1)
        let error = (try result.json() as? [String: Any])?["error"] as? [String: Any]
        #expect(error?["code"] as? String == "usage", "\(result.stdout)")
        #expect((error?["message"] as? String)?.contains("--bogus") == true)
    }

    @Test func helpStillPrintsAndExitsZero() throws {
        let result = try sentra(["record", "add", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE") && result.stdout.contains("--schemaless"))
    }
}
