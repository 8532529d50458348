import Foundation
import SentraServer
import SentraStore
import SentraTestSupport

/// P4 and P6 on central nodes holding long histories (``SyntheticHistory``).
///
/// P6: a fresh device, in a process of its own, pulls the medium history and then the large one;
/// its peak RSS is read each time. P4: the device that pulled the large history, and another
/// that pulled a small one, each run no-op syncs: the median of both, and their ratio.
///
/// P4apg and P4bpg run the same no-op syncs against copies of both central nodes in PostgreSQL
/// (issue 15; LargeCentralBench+Postgres.swift).
struct LargeCentralBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    /// The server for P4apg and P4bpg; nil leaves them out.
    var postgres: PostgresServer? = nil
    /// No-op syncs timed for each median.
    static let noOpRuns = 21

    func run() async throws -> [Measurement] {
        let small = try await centralRun(name: "p4-small", sizes: [scale.noOpSmall], pullInChild: false)
        let large = try await centralRun(name: "p6-large", sizes: [scale.pullMedium, scale.pullLarge], pullInChild: true)
        let medium = large.pulls[0], largest = large.pulls[1]
        let ratio = large.noOpMilliseconds / small.noOpMilliseconds
        let mib = { (report: PullChild.Report) in Double(report.peakRSSKiB) / 1024 }
        let flat = mib(largest) <= mib(medium) * 1.25
        var postgresRows: [Measurement] = []
        if let postgres { postgresRows = try await self.postgresRows(small: small, large: large, on: postgres) }
        return [
            Measurement("P4a", "no-op sync, central holding \(scale.noOpSmall) changes", value: small.noOpMilliseconds, unit: "ms",
                        note: "median of \(Self.noOpRuns)"),
            Measurement("P4b", "no-op sync, central holding \(scale.pullLarge) changes", value: large.noOpMilliseconds, unit: "ms",
                        baseline: small.noOpMilliseconds, baselineName: "P4a", ratio: ratio, target: "ratio ≤ 1.5, ≤ 30 ms",
                        met: ratio <= 1.5 && large.noOpMilliseconds <= 30, note: "median of \(Self.noOpRuns)"),
            Measurement("P6a", "peak RSS of a device pulling \(scale.pullMedium) changes", value: mib(medium), unit: "MiB",
                        target: "≤ 200 MB", met: mib(medium) <= 200,
                        note: String(format: "%d changes in %.1f s", medium.pulled, medium.seconds)),
            Measurement("P6b", "peak RSS of a device pulling \(scale.pullLarge) changes", value: mib(largest), unit: "MiB",
                        baseline: mib(medium), baselineName: "P6a", ratio: mib(largest) / mib(medium),
                        target: "≤ 200 MB, flat", met: mib(largest) <= 200 && flat,
                        note: String(format: "%d changes in %.1f s; flat means within 1.25× of P6a", largest.pulled, largest.seconds)),
        ] + postgresRows
    }

    /// A central node grown to its history, the device holding all of it and its token, and
    /// what the measures read.
    struct CentralRun {
        var central: Replica
        var device: Replica
        var token: String
        var held: Int
        var pulls: [PullChild.Report] = []
        var noOpMilliseconds = 0.0
    }

    /// Grows a central node's history to each of `sizes`, a fresh device pulling it each time,
    /// then times no-op syncs of the last device.
    private func centralRun(name: String, sizes: [Int], pullInChild: Bool) async throws -> CentralRun {
        let central = try workspace.replica("\(name)-central")
        var history = SyntheticHistory(seed: 7)
        var held = 0
        var pulls: [PullChild.Report] = []
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            let server = try await LoopbackServer.start(central, in: &tasks)
            defer { tasks.cancelAll() }
            var device: Replica!
            var token = ""
            for size in sizes {
                while held < size {
                    let batch = history.take(min(5_000, size - held))
                    try central.apply(batch, survey: BenchRecords.survey)
                    held += batch.count
                }
                device = try workspace.replica("\(name)-device-\(size)")
                token = try workspace.token(on: central, for: device)
                if pullInChild {
                    pulls.append(try PullChild.spawn(db: device.path, url: server.url, token: token))
                } else {
                    _ = try await BenchWorkspace.sync(device, url: server.url, token: token)
                }
            }
            guard try device.versionVector(survey: BenchRecords.survey) == central.versionVector(survey: BenchRecords.survey) else {
                throw BenchError("\(name): the device did not end with the central node's changes")
            }
            var run = CentralRun(central: central, device: device, token: token, held: held, pulls: pulls)
            run.noOpMilliseconds = try await Self.noOpMilliseconds(device, url: server.url, token: token, name: name)
            return run
        }
    }

    /// The median of ``noOpRuns`` syncs of `device`, each of which must move nothing, in milliseconds.
    static func noOpMilliseconds(_ device: Replica, url: String, token: String, name: String) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<noOpRuns {
            times.append(try await noOpSync(device, url: url, token: token, name: name))
        }
        return median(times)
    }

    /// One sync of `device` that must move nothing, in milliseconds.
    static func noOpSync(_ device: Replica, url: String, token: String, name: String) async throws -> Double {
        let seconds = try await Stopwatch.seconds {
            let summary = try await BenchWorkspace.sync(device, url: url, token: token).summary
            guard summary.pulled == 0, summary.pushed == 0 else { throw BenchError("\(name): a no-op sync moved changes") }
        }
        return seconds * 1_000
    }

    static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}
