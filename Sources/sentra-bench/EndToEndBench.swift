import SentraServer
import SentraStore
import SentraSync

/// P3 and P5: records go from a device to the central node and on to a fresh device, over
/// loopback HTTP with gzip, each side a durable SQLite replica. P3 is the rate of field values
/// through the two syncs; P5 the bytes the fresh device received per field value.
struct EndToEndBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords

    func run() async throws -> [Measurement] {
        let moved = records.records.prefix(scale.endToEndRecords)
        let values = moved.reduce(0) { $0 + $1.fields.count }
        let device = try workspace.replica("p3-device")
        try BenchWorkspace.write(moved, into: device)
        let central = try workspace.replica("p3-central")
        let fresh = try workspace.replica("p3-fresh")
        let token = try workspace.token(on: central)

        var received = Traffic()
        var pushSeconds = 0.0, pullSeconds = 0.0
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            let server = try await LoopbackServer.start(central, in: &tasks)
            defer { tasks.cancelAll() }
            pushSeconds = try await Stopwatch.seconds { _ = try await BenchWorkspace.sync(device, url: server.url, token: token) }
            pullSeconds = try await Stopwatch.seconds {
                received = try await BenchWorkspace.sync(fresh, url: server.url, token: token).traffic
            }
        }
        let seconds = pushSeconds + pullSeconds
        guard try fresh.versionVector(survey: BenchRecords.survey) == device.versionVector(survey: BenchRecords.survey) else {
            throw BenchError("P3: the fresh device did not end with what the first one wrote")
        }
        let raw = try RawBaseline.insertNarrow(moved, perTransaction: ApplyBench.pullBatch, in: workspace.directory)
        let rate = Double(values) / seconds

        let plain = try BenchRecords(slice: moved).plainJSON()
        let plainGzip = try Gzip.compress(plain).count
        let perValue = { (bytes: Int) in Double(bytes) / Double(values) }
        let ratio = Double(received.received) / Double(plainGzip)
        return [
            Measurement("P3", "device → central → fresh device over loopback HTTP", value: rate, unit: "field values/s",
                        baseline: Double(values) / raw, baselineName: "raw sqlite3, one narrow row per value",
                        ratio: seconds / raw, target: "≥ 150k/s", met: rate >= 150_000,
                        note: String(format: "%d records, %d values: a push (%.1f s), then a pull (%.1f s)", moved.count, values, pushSeconds, pullSeconds)),
            Measurement("P5a", "bytes on the wire per field value, gzip", value: perValue(received.received), unit: "bytes/value",
                        baseline: perValue(plainGzip), baselineName: "gzip of plain JSON of the records",
                        ratio: ratio, target: "≤ 1.5×", met: ratio <= 1.5, note: "the fresh device's pull, responses as sent"),
            Measurement("P5b", "bytes per field value, uncompressed", value: perValue(received.receivedUncompressed), unit: "bytes/value",
                        baseline: perValue(plain.count), baselineName: "plain JSON of the records",
                        ratio: Double(received.receivedUncompressed) / Double(plain.count)),
        ]
    }
}
