import Foundation

/// A real `sentra` process left running (a daemon, a server on a chosen port), whose stdout and
/// stderr are collected as it writes them, so a test can read them while it runs.
final class RunningProcess: @unchecked Sendable {
    let process: Process
    let arguments: [String]
    private let lock = NSLock()
    private var collectedOut = ""
    private var collectedErr = ""
    /// Left once per pipe when its reader reaches the end.
    private let drained = DispatchGroup()

    /// Starts `sentra ARGS --db DB`, with `environment` added to this process's environment.
    init(_ sentra: SentraProcess, _ arguments: [String], environment: [String: String] = [:]) throws {
        self.arguments = arguments
        process = sentra.configured(arguments)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        drain(out.fileHandleForReading) { self.collectedOut += $0 }
        drain(err.fileHandleForReading) { self.collectedErr += $0 }
    }

    /// Reads `handle` to its end on a thread of its own, so the child never blocks on a full pipe.
    private func drain(_ handle: FileHandle, into append: @escaping @Sendable (String) -> Void) {
        let lock = lock
        let drained = drained
        drained.enter()
        let thread = Thread {
            while true {
                let chunk = handle.nextChunk()
                if chunk.isEmpty { drained.leave(); return }
                lock.withLock { append(String(decoding: chunk, as: UTF8.self)) }
            }
        }
        thread.start()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var stdout: String { lock.withLock { collectedOut } }
    var stderr: String { lock.withLock { collectedErr } }
    /// The non-empty lines written to stderr so far.
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits up to `timeout` seconds for the process to exit: its status, or nil if it still runs.
    @discardableResult
    func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { return nil }
        process.waitUntilExit()
        _ = drained.wait(timeout: .now() + 2)
        return process.terminationStatus
    }

    /// kill -9, and wait for it.
    func kill9() {
        signal(SIGKILL)
        process.waitUntilExit()
        _ = drained.wait(timeout: .now() + 2)
    }

    /// A description for failure messages: the command and what it wrote on stderr.
    var summary: String { "sentra \(arguments.joined(separator: " ")): stderr:\n\(stderr)" }

    deinit {
        if process.isRunning { kill9() }
    }
}

extension SentraProcess {
    /// Starts `sentra daemon URL` on this replica. The token goes in `$SENTRA_TOKEN` unless `tokenOption`.
    func daemon(_ url: String, token: String, interval: Int? = nil, tokenOption: Bool = false, extra: [String] = []) throws -> RunningProcess {
        var arguments = ["daemon", url]
        if tokenOption { arguments += ["--token", token] }
        if let interval { arguments += ["--interval", String(interval)] }
        return try RunningProcess(self, arguments + extra, environment: tokenOption ? [:] : ["SENTRA_TOKEN": token])
    }

    /// Starts `sentra serve` on 127.0.0.1:`port` and waits until it says it listens.
    func serve(port: Int) throws -> RunningProcess {
        let server = try RunningProcess(self, ["serve", "--host", "127.0.0.1", "--port", String(port)])
        let listening = eventually(timeout: 30) { server.stdout.contains("127.0.0.1:\(port)") || !server.isRunning }
        guard listening, server.isRunning else {
            throw Failure(message: "sentra serve --port \(port) did not start: \(server.stdout) \(server.stderr)")
        }
        return server
    }

    /// `sentra status --json` as a dictionary.
    func statusJSON() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(try ok(["status", "--json"]).utf8)) as? [String: Any]) ?? [:]
    }

    /// The `"daemon"` object of `sentra status --json`, or nil if there is none.
    func daemonStatus() throws -> [String: Any]? {
        try statusJSON()["daemon"] as? [String: Any]
    }

    /// The first survey's `"unacknowledged"` in `sentra status --json`: nil when absent or null.
    func unacknowledged() throws -> Int? {
        ((try statusJSON()["surveys"] as? [[String: Any]])?.first?["unacknowledged"]) as? Int
    }

    /// The IDs of the survey's records, deleted ones included.
    func recordIDs() throws -> [String] {
        let records = try JSONSerialization.jsonObject(with: Data(try ok(["record", "list", "--deleted", "--json"]).utf8)) as? [[String: Any]] ?? []
        return records.compactMap { $0["id"] as? String }
    }

    /// `PRAGMA integrity_check` of the replica file, through python3's sqlite3.
    func integrityCheck() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", db]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Polls `condition` every `interval` seconds until it holds (true) or `timeout` seconds pass (false).
/// A condition that throws counts as not holding yet.
func eventually(timeout: TimeInterval, interval: TimeInterval = 0.1, _ condition: () throws -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
        if (try? condition()) == true { return true }
        Thread.sleep(forTimeInterval: interval)
    } while Date() < deadline
    return (try? condition()) == true
}

/// The CPU time a process has used, user plus system, in clock ticks (fields 14 and 15 of /proc/PID/stat).
func cpuTicks(of pid: Int32) throws -> Int {
    let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    guard let close = stat.lastIndex(of: ")") else { throw SentraProcess.Failure(message: "unreadable /proc/\(pid)/stat") }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // fields[0] is field 3 (state), so field N is fields[N - 3].
    guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
        throw SentraProcess.Failure(message: "unreadable /proc/\(pid)/stat: \(stat)")
    }
    return user + system
}
