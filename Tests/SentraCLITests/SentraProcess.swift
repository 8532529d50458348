import Foundation

/// Runs the built `sentra` binary as a real process.
struct SentraProcess {
    /// What a finished run printed and how it exited.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout parsed as JSON.
        func json() throws -> Any {
            try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
        }
    }

    /// The `sentra` executable beside the test bundle, or `$SENTRA_BIN`.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["SENTRA_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sentra")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/sentra")
    }()

    let db: String
    /// A central node in PostgreSQL: its URL, which commands get as `--postgres URL` in place of
    /// `--db DB` (see ``Workspace/central(_:name:survey:office:)``).
    var postgres: String? = nil
    var directory: URL { URL(fileURLWithPath: db).deletingLastPathComponent() }

    /// Where the node's state is, as command-line options: `--db DB`, or `--postgres URL`.
    var storeArguments: [String] { postgres.map { ["--postgres", $0] } ?? ["--db", db] }

    /// Runs `sentra ARGS --db DB` (or `--postgres URL`) and waits for it.
    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        try configured(arguments).runCapturingOutput()
    }

    /// Runs a command that must succeed, returning stdout.
    @discardableResult
    func ok(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw Failure(message: "sentra \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// A process for `sentra ARGS --db DB` (or `--postgres URL`), not started.
    func configured(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + storeArguments
        process.currentDirectoryURL = directory
        return process
    }

    /// Runs a shell script with `$SENTRA` set to the binary and `$SENTRA_DB` to the replica (and
    /// `$SENTRA_POSTGRES_URL` to the central node's database, if it has one).
    func shell(_ script: String) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["SENTRA"] = Self.executable.path
        environment["SENTRA_DB"] = db
        environment["SENTRA_POSTGRES_URL"] = postgres
        process.environment = environment
        process.currentDirectoryURL = directory
        return process
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// A temporary directory for one test, removed at the end.
final class Workspace {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A `sentra` runner on a new replica `name.db` for survey `ikm`.
    func replica(_ name: String, survey: String = "ikm") throws -> SentraProcess {
        let sentra = SentraProcess(db: path("\(name).db"))
        try sentra.ok(["init", "--name", name, "--survey", survey])
        return sentra
    }

    func write(_ name: String, _ text: String) -> String {
        let file = path(name)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

extension Process {
    /// Starts the process, waits for it, and returns its exit status and output.
    func runCapturingOutput() throws -> SentraProcess.Result {
        let out = Pipe()
        let err = Pipe()
        standardOutput = out
        standardError = err
        try run()
        let stdout = out.fileHandleForReading.readToEndOfFile()
        let stderr = err.fileHandleForReading.readToEndOfFile()
        waitUntilExit()
        return SentraProcess.Result(status: terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self))
    }
}
