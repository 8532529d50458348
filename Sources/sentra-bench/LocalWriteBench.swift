import SentraStore

/// P1: local writes of 40-field records, one per transaction and 1,000 per transaction, against
/// the same records inserted as plain rows through the C API with the same batching.
struct LocalWriteBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords

    func run() throws -> [Measurement] {
        let single = records.records.prefix(scale.singleWrites)
        let singleReplica = try workspace.replica("p1-single")
        let singleSeconds = try Stopwatch.seconds {
            for record in single {
                try singleReplica.addRecord(survey: BenchRecords.survey, form: BenchRecords.form.name, id: record.id, fields: .values(record.fields))
            }
        }
        let singleRaw = try RawBaseline.insertWide(single, perTransaction: 1, in: workspace.directory)

        let batched = records.records.prefix(scale.batchedWrites)
        let batchedReplica = try workspace.replica("p1-batched")
        let batchedSeconds = try Stopwatch.seconds { try BenchWorkspace.write(batched, into: batchedReplica) }
        let batchedRaw = try RawBaseline.insertWide(batched, perTransaction: 1_000, in: workspace.directory)
        let batchedNarrow = try RawBaseline.insertNarrow(batched, perTransaction: 1_000, in: workspace.directory)

        return [
            row("P1a", "local writes, 1 record per transaction", count: single.count, seconds: singleSeconds, raw: singleRaw,
                note: "each commit waits for fsync (WAL, synchronous=FULL) on both sides"),
            row("P1b", "local writes, 1,000 records per transaction", count: batched.count, seconds: batchedSeconds, raw: batchedRaw,
                note: String(format: "narrow rows (one per value) take %.2fx the wide insert; Sentra %.2fx the narrow one",
                             batchedNarrow / batchedRaw, batchedSeconds / batchedNarrow)),
        ]
    }

    private func row(_ id: String, _ name: String, count: Int, seconds: Double, raw: Double, note: String) -> Measurement {
        let ratio = seconds / raw
        return Measurement(id, name, value: Double(count) / seconds, unit: "records/s",
                           baseline: Double(count) / raw, baselineName: "raw sqlite3, one wide row per record",
                           ratio: ratio, target: "≤ 2.0×", met: ratio <= 2.0, note: note)
    }
}
