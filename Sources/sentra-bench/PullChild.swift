import ArgumentParser
import Foundation
import SentraStore
import SentraSync

/// `sentra-bench pull-child`: one sync of a replica in a process of its own, so that P6 can
/// read the peak resident memory of a device pulling, and nothing else.
struct PullChild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pull-child", abstract: "Sync one replica and print its peak RSS (used by P6).",
                                                    shouldDisplay: false)

    @Option var db: String
    @Option var url: String
    @Option var token: String

    /// What the child prints as its one line of JSON.
    struct Report: Codable {
        var pulled: Int
        var seconds: Double
        var peakRSSKiB: Int
    }

    func run() async throws {
        let replica = try Replica.open(at: db)
        var pulled = 0
        let seconds = try await Stopwatch.seconds {
            pulled = try await BenchWorkspace.sync(replica, url: url, token: token).summary.pulled
        }
        let report = Report(pulled: pulled, seconds: seconds, peakRSSKiB: Self.peakRSSKiB())
        print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    }

    /// `VmHWM` of `/proc/self/status`: the most resident memory the process has had.
    static func peakRSSKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    /// Runs this executable as a pull child and returns its report.
    static func spawn(db: String, url: String, token: String) throws -> Report {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path),
           let found = Bundle.main.executableURL {
            process.executableURL = found
        }
        process.arguments = ["pull-child", "--db", db, "--url", url, "--token", token]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("the pull child exited with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(Report.self, from: data)
    }
}
