import ArgumentParser
import Foundation

/// `sentra-bench run-child`: runs one program to its end and writes its time, its exit status and
/// its peak RSS as JSON, for ``ChildProcess/run(_:_:log:)``. It runs in a small new process so that
/// the program's `ru_maxrss` does not count the bench's own memory (see ``ChildProcess``).
struct RunChild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-child",
                                                    abstract: "Run one program and write its time and peak RSS (used by P1c and P9).",
                                                    shouldDisplay: false)

    @Option(help: "The file for the program's output.") var log: String
    @Option(help: "The file for the JSON report.") var report: String
    @Argument(parsing: .postTerminator, help: "The program and its arguments, after --.") var command: [String]

    func run() throws {
        guard let executable = command.first else { throw ValidationError("name the program to run after --") }
        let child = try ChildProcess.spawn(executable, Array(command.dropFirst()), log: log, checked: false)
        try JSONEncoder().encode(child).write(to: URL(fileURLWithPath: report))
    }
}
