import Foundation
import Glibc

/// A throwaway PostgreSQL server for the Postgres rows (issue 15): `initdb` in a new folder under
/// /tmp, the server listening on a Unix socket in that folder only, stopped and removed by
/// ``stop()``. As root it runs as the `postgres` user, since `initdb` refuses root.
///
/// It is as durable as a production server (`fsync` and `synchronous_commit` on), because the
/// SQLite central node it is compared with commits with `synchronous = FULL`.
final class BenchPostgres: Sendable {
    /// The folder holding the cluster (`data/`), its log and its socket.
    let directory: String
    /// The port in the socket's name (`.s.PGSQL.PORT`); nothing listens on TCP.
    let port: Int
    /// The folder of `initdb`, `pg_ctl` and `psql`.
    let binaries: String

    /// Makes a cluster and starts it; returns once it accepts connections. Throws naming
    /// `apt-get install postgresql` when the programs are missing.
    static func start(binaries option: String?) throws -> BenchPostgres {
        let binaries = try findBinaries(option)
        if getuid() == 0 && getpwnam("postgres") == nil {
            throw BenchError("there is no postgres user to run PostgreSQL as (root cannot): apt-get install postgresql makes it")
        }
        let directory = "/tmp/sentra-bench-pg-\(UUID().uuidString.prefix(8).lowercased())"
        let server = BenchPostgres(directory: directory, port: Int.random(in: 20_000...60_000), binaries: binaries)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            if getuid() == 0 { _ = try Self.run("/bin/chown", ["postgres", directory]) }
            try server.run("initdb", ["-D", server.data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C"])
            // The server inherits pg_ctl's output, so pg_ctl runs with it on /dev/null (see spawnAndWait).
            try server.run("pg_ctl", ["-D", server.data, "-l", "\(directory)/server.log", "-w", "-t", "60", "-o",
                                      "-k \(directory) -c listen_addresses='' -p \(server.port) -c max_connections=200", "start"],
                           detached: true)
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private init(directory: String, port: Int, binaries: String) {
        self.directory = directory
        self.port = port
        self.binaries = binaries
    }

    var data: String { "\(directory)/data" }

    /// The URL of database `name` on this server's socket, for `PostgresURL` and `--postgres`.
    func url(_ name: String) -> String {
        "postgres://postgres@/\(name)?host=\(directory)&port=\(port)"
    }

    /// A new, empty database, and its URL.
    func createDatabase(_ name: String) throws -> String {
        try psql("CREATE DATABASE \(name)", database: "postgres")
        return url(name)
    }

    /// Drops a database made by ``createDatabase(_:)``, to give its disk space back.
    func dropDatabase(_ name: String) throws {
        try psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", database: "postgres")
    }

    /// Runs SQL with `psql` and returns its unaligned, tuples-only output, trimmed.
    @discardableResult
    func psql(_ sql: String, database: String) throws -> String {
        try run("psql", ["-h", directory, "-p", "\(port)", "-U", "postgres", "-d", database, "-X", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server's version, such as `PostgreSQL 15.18`.
    func version() -> String {
        ((try? psql("SHOW server_version", database: "postgres")) ?? "").split(separator: " ").first.map { "PostgreSQL \($0)" } ?? "PostgreSQL"
    }

    /// Stops the server at once and removes its folder. Safe to call more than once.
    func stop() {
        if FileManager.default.fileExists(atPath: "\(data)/postmaster.pid") {
            _ = try? run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"], detached: true)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs one of PostgreSQL's programs, as `postgres` when this is root.
    @discardableResult
    private func run(_ program: String, _ arguments: [String], detached: Bool = false) throws -> String {
        let path = "\(binaries)/\(program)"
        if getuid() == 0 {
            return try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments, detached: detached)
        }
        return try Self.run(path, arguments, detached: detached)
    }

    /// Runs a program and returns its output (stdout and stderr together); `detached`, with its
    /// output on /dev/null.
    private static func run(_ executable: String, _ arguments: [String], detached: Bool = false) throws -> String {
        let name = "\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.joined(separator: " "))"
        if detached {
            let status = try spawnAndWait(executable, arguments)
            guard status == 0 else { throw BenchError("PostgreSQL: \(name) exited with status \(status)") }
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("PostgreSQL: \(name) exited with status \(process.terminationStatus): \(String(decoding: data, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts `executable` with stdin, stdout and stderr on /dev/null, and waits for it. Not
    /// Foundation's `Process`: it was seen never to notice the exit of `pg_ctl`, whose child
    /// (the server) lives on holding its output.
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
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// `--postgres-bin`, else `$SENTRA_PG_BIN`, else the newest /usr/lib/postgresql/N/bin.
    private static func findBinaries(_ option: String?) throws -> String {
        let environment = ProcessInfo.processInfo.environment["SENTRA_PG_BIN"].flatMap { $0.isEmpty ? nil : $0 }
        let root = "/usr/lib/postgresql"
        let newest = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).max().map { "\(root)/\($0)/bin" }
        let folder = option ?? environment ?? newest ?? "\(root)/15/bin"
        for program in ["initdb", "pg_ctl", "psql"] where !FileManager.default.isExecutableFile(atPath: "\(folder)/\(program)") {
            throw BenchError("""
                PostgreSQL is not installed: no \(program) in \(folder). The PostgreSQL rows need it: \
                apt-get install postgresql, or --postgres-bin DIR for another installation; --no-postgres leaves those rows out
                """)
        }
        return folder
    }
}
