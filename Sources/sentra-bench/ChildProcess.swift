import Foundation

/// A program run to its end as a whole process, with `posix_spawn` and `wait4`: its wall time from
/// the spawn to the reaping and its peak resident memory, for the rows that measure a command as a
/// user runs it (P1c, P9).
///
/// The program is not spawned by the bench itself but by a new `sentra-bench run-child`
/// (``RunChild``), which reports what it measured. On Linux a child's `ru_maxrss` also counts the
/// memory its spawner held when it spawned it (`posix_spawn` starts the child in the spawner's
/// memory, and `execve` keeps that memory's peak), so the bench, which holds hundreds of megabytes
/// after the other rows, would add its own peak to every child's. A new `run-child` holds a few
/// megabytes, and says how many: ``spawnerPeakKiB``.
///
/// Foundation's `Process` is not used: it gives no `rusage`, and it waits on the child's output
/// pipes, which hangs on a program that leaves a daemon holding them.
struct ChildProcess: Codable {
    /// The wall-clock seconds from the spawn until the process was reaped.
    var seconds: Double
    /// The most resident memory the process had: `ru_maxrss` of `wait4`, in KiB on Linux.
    var peakRSSKiB: Int
    /// The peak of the process that spawned it (`VmHWM`), which ``peakRSSKiB`` cannot be below.
    var spawnerPeakKiB: Int
    /// How the process ended, as `wait4` gave it.
    var status: Int32
    /// What the process printed, stdout and stderr together (read from its log by the bench).
    var output = ""

    /// Whether ``peakRSSKiB`` is the program's own peak: above its spawner's, which it counts too.
    var peakIsOwn: Bool { peakRSSKiB > spawnerPeakKiB }

    /// ``peakRSSKiB`` in MiB, for a note: `≤ 12.0 MiB` when it is not the program's own.
    var peakText: String { String(format: "%@%.1f MiB", peakIsOwn ? "" : "≤ ", Double(peakRSSKiB) / 1024) }

    /// Runs `executable` with `arguments` through a new `sentra-bench run-child`, its output in the
    /// file `log`, and throws when it does not exit with status 0.
    static func run(_ executable: String, _ arguments: [String], log: String) throws -> ChildProcess {
        let bench = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let report = log + ".run-child.json"
        _ = try spawn(bench, ["run-child", "--log", log, "--report", report, "--", executable] + arguments, log: log + ".run-child")
        var child = try JSONDecoder().decode(ChildProcess.self, from: Data(contentsOf: URL(fileURLWithPath: report)))
        child.output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        // The wait status as <sys/wait.h> packs it: a signal in the low 7 bits, else the exit code above them.
        let signal = child.status & 0x7f, code = (child.status >> 8) & 0xff
        guard signal == 0, code == 0 else {
            let how = signal != 0 ? "was killed by signal \(signal)" : "exited with status \(code)"
            throw BenchError("\((executable as NSString).lastPathComponent) \(arguments.joined(separator: " ")) \(how): \(child.output.suffix(2_000))")
        }
        return child
    }

    /// Spawns `executable` with `arguments` from this process, its output in the file `log`, and
    /// waits for it; throws when it cannot be spawned or waited for, or, with `checked`, when it
    /// does not exit with status 0.
    @discardableResult
    static func spawn(_ executable: String, _ arguments: [String], log: String, checked: Bool = true) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The bench ignores SIGINT and SIGTERM while it runs (BenchInterrupts); an ignored signal
        // stays ignored across exec, so the child gets the defaults back: Ctrl-C stops it too.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchError("cannot wait for \(executable): \(String(cString: strerror(errno)))") }
        }
        let seconds = (ContinuousClock.now - start).seconds
        let child = ChildProcess(seconds: seconds, peakRSSKiB: usage.ru_maxrss, spawnerPeakKiB: PullChild.peakRSSKiB(), status: status)
        if checked && status != 0 {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BenchError("\((executable as NSString).lastPathComponent) \(arguments.joined(separator: " ")) ended with wait status \(status): \(output.suffix(2_000))")
        }
        return child
    }
}
