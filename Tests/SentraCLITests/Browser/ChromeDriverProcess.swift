import Foundation
import Glibc
import Synchronization

/// A `chromedriver --port=P` child process, with a watchdog that kills it and its Chromium when
/// the test process dies.
///
/// chromedriver runs under a small bash wrapper. With job control on, the wrapper starts the
/// driver in its own process group, so Chromium (the driver's child) shares that group. The
/// wrapper's stdin is a pipe from the test process: when it reaches end of file, because
/// ``stop()`` closed it or because the test process died (even by `kill -9`), the wrapper kills
/// the whole group. It uses SIGKILL after a short grace: children of the test process inherit a
/// signal mask that blocks SIGTERM.
///
/// `@unchecked Sendable`: `process` and `lifeline` are never reassigned, and `stopped` is locked.
final class ChromeDriverProcess: @unchecked Sendable {
    /// The port the driver listens on, on 127.0.0.1.
    let port: Int
    /// Where the driver's output goes: read it when the driver fails.
    let log: URL
    private let process: Process
    /// The write end of the wrapper's stdin; closing it stops the driver.
    private let lifeline: FileHandle
    private let stopped = Mutex(false)

    private static let wrapper = """
        exec 3<&0
        set -m
        "$0" "$@" </dev/null &
        driver=$!
        { cat <&3 >/dev/null; kill -TERM -- -"$driver"; sleep 0.5; kill -KILL -- -"$driver"; } 2>/dev/null &
        wait "$driver"
        """

    /// Starts `driver --port=<free port>`, writing its output to `log`.
    init(driver: String, log: URL) throws {
        self.port = try Self.freePort()
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", Self.wrapper, driver, "--port=\(port)"]
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        // Only this wrapper may hold the write end, or another child would keep the pipe open.
        _ = fcntl(stdin.fileHandleForWriting.fileDescriptor, F_SETFD, FD_CLOEXEC)
        process.standardInput = stdin
        try process.run()
        self.process = process
        lifeline = stdin.fileHandleForWriting
    }

    /// Whether the driver (and so its wrapper) still runs.
    var isRunning: Bool { process.isRunning }

    /// The last lines the driver wrote, for error messages.
    func logTail(lines: Int = 15) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Stops the driver and its Chromium and waits (up to 5 s) until the wrapper has exited.
    /// Safe to call twice.
    func stop() async {
        guard markStopped() else { return }
        try? lifeline.close()
        // Poll instead of blocking a cooperative thread in waitUntilExit().
        for _ in 0..<100 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Stops without waiting, for `deinit`s: the wrapper finishes the job on its own.
    func stopNow() {
        if markStopped() { try? lifeline.close() }
    }

    deinit { stopNow() }

    /// True the first time only.
    private func markStopped() -> Bool {
        stopped.withLock { stopped in defer { stopped = true }; return !stopped }
    }

    /// A loopback port nothing listens on right now (the kernel picks it).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BrowserError(.driverDidNotStart, "socket() failed: errno \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(socket, socketAddress, length) == 0 && getsockname(socket, socketAddress, &length) == 0
            }
        }
        guard bound else { throw BrowserError(.driverDidNotStart, "could not bind a loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
