import SentraStore

/// P1: local writes of 40-field records, one per transaction and 1,000 per transaction, against
/// the same records inserted as plain rows through the C API with the same batching.
///
/// Sentra and the baseline take turns, a round each, so that both meet the same disk: on a shared
/// machine an fsync may take 1 ms in one second and 5 ms in the next.
struct LocalWriteBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords
    static let rounds = 10

    func run() throws -> [Measurement] {
        let single = records.records.prefix(scale.singleWrites)
        let singleReplica = try workspace.replica("p1-single")
        let singleWide = try RawBaseline(.wide, in: workspace.directory)
        var singleSeconds = 0.0, singleRaw = 0.0
        for round in single.chunks(of: max(1, single.count / Self.rounds)) {
            singleSeconds += try Stopwatch.seconds {
                for record in round {
                    try singleReplica.addRecord(survey: BenchRecords.survey, form: BenchRecords.form.name, id: record.id, fields: .values(record.fields))
                }
            }
            singleRaw += try singleWide.insert(round, perTransaction: 1)
        }

        let batched = records.records.prefix(scale.batchedWrites)
        let batchedReplica = try workspace.replica("p1-batched")
        let wide = try RawBaseline(.wide, in: workspace.directory)
        let narrow = try RawBaseline(.narrow, in: workspace.directory)
        var batchedSeconds = 0.0, batchedRaw = 0.0, batchedNarrow = 0.0
        for round in batched.chunks(of: 1_000) {
            batchedSeconds += try Stopwatch.seconds { try BenchWorkspace.write(round, into: batchedReplica) }
            batchedRaw += try wide.insert(round, perTransaction: 1_000)
            batchedNarrow += try narrow.insert(round, perTransaction: 1_000)
        }

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
