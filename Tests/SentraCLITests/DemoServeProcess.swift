import Foundation
import Glibc

/// A real `sentra demo --serve` process: started, read until it prints its addresses, and
/// stopped with a signal.
final class DemoServeProcess: @unchecked Sendable {
    let process: Process
    /// Everything it printed on stdout up to "Press Ctrl-C to stop."
    let printed: String
    let stderrFile: String

    /// Starts `sentra demo --serve ARGUMENTS` in `workspace` and waits, off Swift's cooperative
    /// threads, until it says where the office is (a generous deadline: the walkthrough runs first).
    static func start(_ workspace: Workspace, arguments: [String]) async throws -> DemoServeProcess {
        let unused = workspace.path("unused.db"), stderrFile = workspace.path("demo-serve.err")
        return try await OfficeScenario.blocking { try DemoServeProcess(db: unused, stderrFile: stderrFile, arguments: arguments) }
    }

    private init(db: String, stderrFile: String, arguments: [String]) throws {
        process = SentraProcess(db: db).configured(["demo", "--serve"] + arguments)
        let output = Pipe()
        self.stderrFile = stderrFile
        FileManager.default.createFile(atPath: stderrFile, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrFile))
        try process.run()
        let handle = output.fileHandleForReading
        var seen = ""
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline, !seen.contains("Press Ctrl-C to stop.") {
            let chunk = handle.nextChunk()
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        printed = seen
        guard seen.contains("Press Ctrl-C to stop.") else {
            process.terminate()
            let stderr = (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? ""
            throw SentraProcess.Failure(message: "sentra demo --serve did not print its addresses: \(seen)\n\(stderr)")
        }
        // Keep draining stdout so the demo never blocks on a full pipe.
        handle.readabilityHandler = { $0.availableData.isEmpty ? ($0.readabilityHandler = nil) : () }
    }

    /// The value printed after `label` on its line, such as `office pages  http://…`.
    func value(after label: String) -> String? {
        printed.split(separator: "\n").lazy.compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(label + " ") else { return nil }
            return trimmed.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        }.first
    }

    /// Sends `signal` and waits, polling, up to `seconds` for the process to end; its exit status,
    /// or nil when it did not end (it is then killed).
    func stop(with signal: Int32, within seconds: Double = 120) async throws -> (reason: Process.TerminationReason, status: Int32)? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return (process.terminationReason, process.terminationStatus)
    }

    var stderr: String { (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
