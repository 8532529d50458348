import SentraServer
import SentraStore
import SentraSync
import SentraTestSupport

/// P3 and P5: records go from a device to the central node and on to a fresh device, over
/// loopback HTTP with gzip, each side a durable SQLite replica. P3 is the rate of field values
/// through the two syncs; P5 the bytes the fresh device received per field value.
///
/// P3pg does the same through a central node kept in PostgreSQL (issue 15), its runs taken in
/// turn with P3's so that both see the same machine, and compares its rate with P3's.
struct EndToEndBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords
    /// The server for P3pg; nil leaves P3pg out.
    var postgres: PostgresServer? = nil

    /// One run: the seconds of the push and of the pull, and what the fresh device received.
    private struct Run {
        var push: Double
        var pull: Double
        var received: Traffic
        var seconds: Double { push + pull }
    }

    func run() async throws -> [Measurement] {
        let moved = records.records.prefix(scale.endToEndRecords)
        let values = moved.reduce(0) { $0 + $1.fields.count }
        var runs: [Run] = [], postgresRuns: [Run] = []
        for index in 0..<scale.endToEndRuns {
            runs.append(try await run(moved, name: "p3-\(index)", central: .sqlite))
            if let postgres { postgresRuns.append(try await run(moved, name: "p3pg-\(index)", central: .postgres(postgres))) }
        }
        let median = Self.median(runs)
        let (seconds, received) = (median.seconds, median.received)
        let raw = try RawBaseline.seconds(.narrow, moved, perTransaction: ApplyBench.pullBatch, in: workspace.directory)
        let rate = Double(values) / seconds

        let plain = try BenchRecords(slice: moved).plainJSON()
        let plainGzip = try Gzip.compress(plain).count
        let perValue = { (bytes: Int) in Double(bytes) / Double(values) }
        let ratio = Double(received.received) / Double(plainGzip)
        var rows = [
            Measurement("P3", "device → central → fresh device over loopback HTTP", value: rate, unit: "field values/s",
                        baseline: Double(values) / raw, baselineName: "raw sqlite3, one narrow row per value",
                        ratio: seconds / raw, target: "≥ 150k/s", met: rate >= 150_000,
                        note: String(format: "%d records, %d values: a push (%.1f s), then a pull (%.1f s); the median of %d runs",
                                     moved.count, values, median.push, median.pull, runs.count)),
        ]
        if !postgresRuns.isEmpty {
            let median = Self.median(postgresRuns)
            let postgresRate = Double(values) / median.seconds
            rows.append(Measurement("P3pg", "P3 through a central node kept in PostgreSQL", value: postgresRate, unit: "field values/s",
                                    baseline: rate, baselineName: "P3, the central node in SQLite", ratio: postgresRate / rate,
                                    target: "≥ 0.5× P3", met: postgresRate / rate >= 0.5,
                                    note: String(format: "a push (%.1f s), then a pull (%.1f s); the median of %d runs, taken in turn with P3's",
                                                 median.push, median.pull, postgresRuns.count)))
        }
        rows += [
            Measurement("P5a", "bytes on the wire per field value, gzip", value: perValue(received.received), unit: "bytes/value",
                        baseline: perValue(plainGzip), baselineName: "gzip of plain JSON of the records",
                        ratio: ratio, target: "≤ 1.5×", met: ratio <= 1.5, note: "the fresh device's pull, responses as sent"),
            Measurement("P5b", "bytes per field value, uncompressed", value: perValue(received.receivedUncompressed), unit: "bytes/value",
                        baseline: perValue(plain.count), baselineName: "plain JSON of the records",
                        ratio: Double(received.receivedUncompressed) / Double(plain.count)),
        ]
        return rows
    }

    private static func median(_ runs: [Run]) -> Run {
        runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
    }

    /// Moves `moved` from a new device through a new central node to a new fresh device.
    private func run(_ moved: ArraySlice<BenchRecords.Record>, name: String, central store: CentralStore) async throws -> Run {
        let device = try workspace.replica("\(name)-device")
        try BenchWorkspace.write(moved, into: device)
        let central = try await BenchCentral.create(store, name: "\(name)-central", workspace: workspace)
        defer { central.close() }
        let fresh = try workspace.replica("\(name)-fresh")
        let token = try await central.token(for: device)
        let freshToken = try await central.token(for: fresh)
        var run = Run(push: 0, pull: 0, received: Traffic())
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            let url = try await LoopbackServer.start(storage: central.storage, in: &tasks).url
            defer { tasks.cancelAll() }
            run.push = try await Stopwatch.seconds { _ = try await BenchWorkspace.sync(device, url: url, token: token) }
            run.pull = try await Stopwatch.seconds {
                run.received = try await BenchWorkspace.sync(fresh, url: url, token: freshToken).traffic
            }
        }
        let written = try device.versionVector(survey: BenchRecords.survey)
        guard try fresh.versionVector(survey: BenchRecords.survey) == written, try await central.versionVector() == written else {
            throw BenchError("\(name): the fresh device or the central node did not end with what the first device wrote")
        }
        return run
    }
}
