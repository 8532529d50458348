import Foundation
import SentraCore
import SentraServer
import SentraStore
import SentraSync

/// P9: an import of a million records × 40 fields through `sentra record import` as a whole
/// process, and what it leaves (issue 16).
///
/// - P9a: the import's time, from the spawn to the exit.
/// - P9b: the process's peak RSS (`wait4`'s `ru_maxrss`) against an import of 100,000 records
///   of the same run: flat means within 1.25×.
/// - P9c: the imported replica's first sync with a new central node, which holds one record
///   written there: the sync must push every imported record and pull that one.
///
/// The CSV files are written 10,000 records at a time (``BenchRecords/generate(count:seed:chunk:_:)``),
/// so that the bench itself never holds a million records; writing them is not timed. Each file
/// and replica is deleted once its part is done: the million-record replica and the central node
/// take some gigabytes each.
struct LargeImportBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    /// The `sentra` executable the row runs.
    let sentra: String

    /// One import: the process, what it wrote, and the records to check it by.
    private struct Import {
        var count: Int
        var child: ChildProcess
        var transactions: Int
        var csvBytes: Int
        var csvSeconds: Double
        var replica: String
        var replicaBytes: Int
    }

    /// The first sync of an imported replica.
    private struct FirstSync {
        var seconds: Double
        var summary: SyncSummary
    }

    func run() async throws -> [Measurement] {
        let started = ContinuousClock.now
        let medium = try importRecords(scale.importMedium, name: "p9-medium")
        workspace.removeDatabase(medium.replica)
        let large = try importRecords(scale.importLarge, name: "p9-large")
        let sync = try await firstSync(large)
        workspace.removeDatabase(large.replica)
        workspace.removeDatabase("\(workspace.directory)/p9-central.db")
        let rowSeconds = (ContinuousClock.now - started).seconds

        let mib = { (run: Import) in Double(run.child.peakRSSKiB) / 1024 }
        let ratio = mib(large) / mib(medium)
        let rate = { (run: Import) in Double(run.count) / run.child.seconds }
        return [
            Measurement("P9a", "sentra record import of \(large.count) records, whole process", value: large.child.seconds, unit: "s",
                        note: String(format: "%d records × %d columns, a CSV of %.0f MB (written in %.0f s, not timed): %.0f records/s in %d transactions, a replica of %.2f GB; the %d-record import took %.1f s (%.0f records/s); the whole of P9 took %.0f s",
                                     large.count, BenchCSV.columns.count, Double(large.csvBytes) / 1e6, large.csvSeconds, rate(large),
                                     large.transactions, Double(large.replicaBytes) / 1e9, medium.count, medium.child.seconds, rate(medium),
                                     rowSeconds)),
            Measurement("P9b", "peak RSS of sentra record import of \(large.count) records", value: mib(large), unit: "MiB",
                        baseline: mib(medium), baselineName: "the import of \(medium.count) records", ratio: ratio,
                        target: "≤ 1.25×", met: ratio <= 1.25,
                        note: String(format: "the whole process's peak (wait4's ru_maxrss): %@ and %@ (spawned by a run-child of %.1f MiB); CSV files of %.0f and %.0f MB",
                                     large.child.peakText, medium.child.peakText, Double(large.child.spawnerPeakKiB) / 1024,
                                     Double(large.csvBytes) / 1e6, Double(medium.csvBytes) / 1e6)),
            Measurement("P9c", "first sync of the imported replica: push \(sync.summary.pushed), pull \(sync.summary.pulled)",
                        value: sync.seconds, unit: "s",
                        note: String(format: "with a new central node over loopback HTTP (served in the bench's process) holding 1 record written there: every imported record pushed (%.0f records/s), that one pulled with its values, both ending with the same version vector, the node holding %d records",
                                     Double(sync.summary.pushed) / sync.seconds, large.count + 1)),
        ]
    }

    /// Writes `count` records as a CSV, imports them into a new replica with `sentra record import`,
    /// deletes the CSV, and checks that the replica holds them: their count, and the values of the
    /// first and the last.
    private func importRecords(_ count: Int, name: String) throws -> Import {
        let csv = "\(workspace.directory)/\(name).csv"
        defer { try? FileManager.default.removeItem(atPath: csv) }
        var file = try BenchCSV(path: csv)
        var first: BenchRecords.Record?, last: BenchRecords.Record?
        let csvSeconds = try Stopwatch.seconds {
            try BenchRecords.generate(count: count, seed: 2024, chunk: 10_000) { chunk in
                first = first ?? chunk.first
                last = chunk.last
                try file.append(chunk)
            }
            try file.close()
        }
        let replica = try workspace.replica(name).path
        let (child, output) = try ImportBench.sentraImport(csv, into: replica, sentra: sentra, log: "\(workspace.directory)/\(name).log")
        let opened = try Replica.open(at: replica)
        let survey = try opened.status().surveys.first { $0.name == BenchRecords.survey }
        guard output.imported == count, survey?.records == count, survey?.changes == count, let first, let last else {
            throw BenchError("\(name): sentra said it imported \(output.imported) records and the replica holds \(survey?.records ?? 0) in \(survey?.changes ?? 0) changes, not \(count)")
        }
        try ImportBench.check(opened.record(survey: BenchRecords.survey, id: first.id), is: first)
        try ImportBench.check(opened.record(survey: BenchRecords.survey, id: last.id), is: last)
        return Import(count: count, child: child, transactions: output.transactions, csvBytes: file.bytes, csvSeconds: csvSeconds,
                      replica: replica, replicaBytes: workspace.databaseBytes(replica))
    }

    /// Syncs the imported replica, as a device, with a new central node that holds one record
    /// written there, and checks that the sync pushed every imported record and pulled that one.
    private func firstSync(_ imported: Import) async throws -> FirstSync {
        let device = try Replica.open(at: imported.replica)
        let central = try workspace.replica("p9-central")
        let written = BenchRecords(count: 1, seed: 99).records[0]
        let change = try central.addRecord(survey: BenchRecords.survey, form: BenchRecords.form.name, fields: .values(written.fields))
        let token = try workspace.token(on: central, for: device)
        var summary: SyncSummary?
        let seconds = try await withThrowingTaskGroup(of: Void.self) { tasks in
            let server = try await LoopbackServer.start(central, in: &tasks)
            defer { tasks.cancelAll() }
            return try await Stopwatch.seconds { summary = try await BenchWorkspace.sync(device, url: server.url, token: token).summary }
        }
        guard let summary, summary.pushed == imported.count, summary.pulled == 1 else {
            throw BenchError("P9: the imported replica's first sync pushed \(summary?.pushed ?? 0) changes and pulled \(summary?.pulled ?? 0), not \(imported.count) and 1")
        }
        try ImportBench.check(device.record(survey: BenchRecords.survey, id: change.record), is: BenchRecords.Record(id: change.record, fields: written.fields))
        let held = try central.status().surveys.first { $0.name == BenchRecords.survey }?.records
        guard try device.versionVector(survey: BenchRecords.survey) == central.versionVector(survey: BenchRecords.survey),
              held == imported.count + 1 else {
            throw BenchError("P9: after the first sync the imported replica and the central node differ, or the node holds \(held ?? 0) records, not \(imported.count + 1)")
        }
        return FirstSync(seconds: seconds, summary: summary)
    }
}
