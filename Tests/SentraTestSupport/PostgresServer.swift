public import Foundation
import Glibc

/// A real PostgreSQL server for tests: `initdb` and `pg_ctl` from Debian's `postgresql`, in a
/// temporary folder, listening on a Unix socket only, stopped and removed by ``stop()``. As root
/// (CI) it runs as the `postgres` user, since `initdb` refuses root. A machine without PostgreSQL
/// fails the test, naming the package to install: it never skips.
///
/// A test that needs a server of its own (to stop it, say) makes one; the others share
/// ``shared()``, started once per test process and stopped when the process exits, each in a
/// database of its own (``newDatabase(_:)``). `sentra-bench` makes a durable one for its
/// PostgreSQL rows.
public final class PostgresServer: @unchecked Sendable {
    public let directory: URL
    public let port: Int
    let binaries: URL

    /// The server of this test process, started on first use.
    public static func shared() throws -> PostgresServer {
        try sharedServer.get()
    }

    private static let sharedServer: Result<PostgresServer, any Error> = {
        let started = Result { try PostgresServer() }
        atexit { try? PostgresServer.sharedServer.get().stop() }
        return started
    }()

    /// Makes a cluster and starts it; waits until it accepts connections.
    ///
    /// - Parameters:
    ///   - binaries: the folder of `initdb`, `pg_ctl` and `psql`; by default `$SENTRA_PG_BIN`, else
    ///     the newest /usr/lib/postgresql/N/bin.
    ///   - durable: `fsync` on, as a production server runs (a benchmark); tests run without it.
    public init(binaries folder: String? = nil, durable: Bool = false) throws {
        binaries = try Self.findBinaries(folder)
        if getuid() == 0 && getpwnam("postgres") == nil {
            throw TestSupportFailure("there is no postgres user to run PostgreSQL as (root cannot): apt-get install postgresql makes it")
        }
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("sentra-pg-\(UUID().uuidString.prefix(8))")
        port = try LoopbackSocket.freePort()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if getuid() == 0 {
            _ = try Self.run("/bin/chown", ["postgres", directory.path])
        }
        try run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C"])
        // The server inherits pg_ctl's output: not pipes, which would never reach end of file.
        try run("pg_ctl", ["-D", data, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "60",
                           "-o", "-k \(directory.path) -c listen_addresses='' -p \(port)\(durable ? "" : " -c fsync=off") -c max_connections=200", "start"],
                detached: true)
    }

    var data: String { directory.appendingPathComponent("data").path }

    /// A new, empty database named `prefix` and a unique suffix, and its URL for `--postgres`.
    public func newDatabase(_ prefix: String = "sentra") throws -> (name: String, url: String) {
        let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        return (name, try createDatabase(name))
    }

    /// A new, empty database, and its URL for `--postgres`.
    public func createDatabase(_ name: String) throws -> String {
        try psql("CREATE DATABASE \(name)", database: "postgres")
        return url(name)
    }

    /// Drops a database, to give its disk space back.
    public func dropDatabase(_ name: String) throws {
        try psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", database: "postgres")
    }

    /// The server's version, such as `PostgreSQL 15.18`.
    public func version() -> String {
        ((try? psql("SHOW server_version", database: "postgres")) ?? "").split(separator: " ").first
            .map { "PostgreSQL \($0.trimmingCharacters(in: .whitespacesAndNewlines))" } ?? "PostgreSQL"
    }

    /// The URL of database `name` on this server's socket.
    public func url(_ name: String) -> String {
        "postgres://postgres@/\(name)?host=\(directory.path)&port=\(port)"
    }

    /// Runs SQL with `psql` and returns its unaligned, tuples-only output, trimmed.
    @discardableResult
    public func psql(_ sql: String, database: String) throws -> String {
        try run("psql", ["-h", directory.path, "-p", "\(port)", "-U", "postgres", "-d", database, "-X", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server and removes its folder.
    public func stop() {
        _ = try? run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }

    /// Runs one of PostgreSQL's programs, as `postgres` when this is root.
    @discardableResult
    private func run(_ program: String, _ arguments: [String], detached: Bool = false) throws -> String {
        let path = binaries.appendingPathComponent(program).path
        if getuid() == 0 {
            return try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments, detached: detached)
        }
        return try Self.run(path, arguments, detached: detached)
    }

    /// Runs a program and returns its output. `detached`, it starts a daemon, and runs with its
    /// output on /dev/null through `posix_spawn` and `waitpid`: Foundation's `Process` was seen
    /// never to notice the exit of a program whose child lives on.
    private static func run(_ executable: String, _ arguments: [String], detached: Bool = false) throws -> String {
        if detached {
            let status = try spawnAndWait(executable, arguments)
            guard status == 0 else {
                throw TestSupportFailure("\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.joined(separator: " ")) exited \(status)")
            }
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: (try? output.fileHandleForReading.readToEnd()) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? errors.fileHandleForReading.readToEnd()) ?? Data(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportFailure("\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(stderr)\(stdout)")
        }
        return stdout
    }

    /// Starts `executable` with stdin, stdout and stderr on /dev/null, and waits for it.
    private static func spawnAndWait(_ executable: String, _ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestSupportFailure("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// `folder`, else `$SENTRA_PG_BIN`, else the newest /usr/lib/postgresql/N/bin.
    private static func findBinaries(_ folder: String?) throws -> URL {
        if let folder { return URL(fileURLWithPath: folder) }
        if let path = ProcessInfo.processInfo.environment["SENTRA_PG_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let newest = versions.last, FileManager.default.isExecutableFile(atPath: "\(root)/\(newest)/bin/initdb") else {
            throw TestSupportFailure("PostgreSQL is not installed (no \(root)/N/bin/initdb): apt-get install postgresql, or set SENTRA_PG_BIN")
        }
        return URL(fileURLWithPath: "\(root)/\(newest)/bin")
    }
}
