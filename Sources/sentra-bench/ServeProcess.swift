import Foundation

/// A real `sentra serve` process on an ephemeral loopback port, its output in a log file, for
/// the measures that run the central node as operators do.
final class ServeProcess {
    let process: Process
    /// `http://127.0.0.1:PORT`, as the process printed it.
    let url: String

    /// Starts `sentra serve --host 127.0.0.1 --port 0 ARGUMENTS` and waits for the line that names
    /// its URL.
    init(sentra: String, arguments: [String], log: String) throws {
        guard FileManager.default.createFile(atPath: log, contents: nil), let output = FileHandle(forWritingAtPath: log) else { throw BenchError("cannot write \(log)") }
        defer { try? output.close() }
        process = Process()
        process.executableURL = URL(fileURLWithPath: sentra)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var seen = ""
        while Date() < deadline && process.isRunning {
            seen = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let range = seen.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                url = String(seen[range])
                return
            }
            usleep(20_000)
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        throw BenchError("sentra serve did not say where it listens (status \(process.terminationStatus)): \(seen)")
    }

    /// SIGTERM, and waits for the graceful shutdown.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// The `sentra` executable: `--sentra`, else the one beside this `sentra-bench`, as
    /// `swift build` puts both in one folder. Throws naming the build command, and `rows`, the
    /// rows that run it, when it is missing.
    static func findSentra(_ option: String?, for rows: [String]) throws -> String {
        let bench = Bundle.main.executableURL ?? URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        let path = option ?? bench.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("sentra").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            let configuration = bench.path.contains("/release/") ? "-c release " : ""
            throw BenchError("""
                \(rows.joined(separator: ", ")) run real sentra processes, and there is no sentra at \(path): \
                build it beside sentra-bench (swift build \(configuration)--product sentra), or pass --sentra PATH
                """)
        }
        return path
    }
}
