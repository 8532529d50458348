import Foundation
import SentraCore
import SentraStore

/// P2: applying pulled batches: a device's records read from its log in pull-sized batches and
/// applied, each batch one durable transaction, into a fresh replica. The baseline inserts the
/// same values as narrow rows, a pull batch to a commit.
struct ApplyBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords
    /// Changes per pulled batch, as `sentra sync` asks for them.
    static let pullBatch = 2_000

    /// Applies ``SyntheticHistory`` (as many changes as P2 writes records) into a fresh replica:
    /// the changes, their field changes, and the seconds.
    private func applyHistory() throws -> (Int, Int, Double) {
        var history = SyntheticHistory(seed: 11)
        let batches = (0..<max(1, scale.applyRecords / Self.pullBatch)).map { _ in history.take(Self.pullBatch) }
        let target = try workspace.replica("p2-history")
        let seconds = try Stopwatch.seconds {
            for batch in batches { try target.apply(batch, survey: BenchRecords.survey) }
        }
        let changes = batches.joined()
        return (changes.count, changes.reduce(0) { $0 + $1.fieldCount }, seconds)
    }

    func run() throws -> [Measurement] {
        let written = records.records.prefix(scale.applyRecords)
        let source = try workspace.replica("p2-source")
        try BenchWorkspace.write(written, into: source)
        var batches: [[Change]] = []
        var after: Int64 = 0
        while true {
            let batch = try source.changes(survey: BenchRecords.survey, after: after, excluding: VersionVector(), limit: Self.pullBatch)
            if !batch.changes.isEmpty { batches.append(batch.changes) }
            after = batch.next
            if !batch.more { break }
        }
        let fieldChanges = batches.joined().reduce(0) { total, change in
            if case .assign(let values) = change.operation { total + values.count } else { total }
        }
        let bodies = batches.map { PullResponse(logId: "bench", changes: $0, next: 0, more: false, nodes: [source.node]).canonicalJSONBytes }
        let decodeSeconds = try Stopwatch.seconds {
            for body in bodies { _ = try PullResponse(jsonBytes: body) }
        }
        let target = try workspace.replica("p2-target")
        let applySeconds = try Stopwatch.seconds {
            for batch in batches {
                try target.apply(batch, survey: BenchRecords.survey, from: source.node, senderHolds: nil, nodes: [source.node])
            }
        }
        let raw = try RawBaseline.seconds(.narrow, written, perTransaction: Self.pullBatch, in: workspace.directory)
        let (history, historyFields, historySeconds) = try applyHistory()
        let rate = Double(fieldChanges) / applySeconds
        return [
            Measurement("P2a", "apply pulled batches (\(Self.pullBatch) changes each), durable", value: rate, unit: "field changes/s",
                        baseline: Double(fieldChanges) / raw, baselineName: "raw sqlite3, one narrow row per value",
                        ratio: applySeconds / raw, target: "≥ 300k/s", met: rate >= 300_000,
                        note: "\(fieldChanges) field changes in \(batches.count) batches"),
            Measurement("P2c", "apply a pulled history: 1 new record in 20, the rest 2-field revisits", value: Double(history) / historySeconds,
                        unit: "changes/s", note: String(format: "%.0f field changes/s; a revisit rewrites its record's row", Double(historyFields) / historySeconds)),
            Measurement("P2b", "decode the same batches as pull responses", value: Double(fieldChanges) / decodeSeconds, unit: "field changes/s",
                        note: "part of every pull, not counted in P2a"),
        ]
    }
}
