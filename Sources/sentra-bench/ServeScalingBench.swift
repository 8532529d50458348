import Foundation
import SentraTestSupport

/// P7pg1 and P7pg2: the devices of P7 pushing at once to real `sentra serve --postgres` processes
/// that share one PostgreSQL database (issue 15): all of them to one process, then half to each of
/// two. The ratio says what a second process adds; on a machine of 2 cores shared by the devices,
/// the processes and PostgreSQL, and with each survey's appends serialized by its advisory lock
/// (decision 0019), it cannot show scaling in absolute terms (Docs/performance.md).
///
/// The two are taken in turn, ``rounds`` times each, each on a new database with new devices,
/// and every round checks that the devices converged and the node holds every record.
struct ServeScalingBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords
    let postgres: PostgresServer
    /// The `sentra` executable.
    let sentra: String
    static let rounds = 3

    func run() async throws -> [Measurement] {
        var one: [Double] = [], two: [Double] = []
        for round in 0..<Self.rounds {
            one.append(try await measure(processes: 1, name: "p7pg1-\(round)"))
            two.append(try await measure(processes: 2, name: "p7pg2-\(round)"))
        }
        let (oneRate, twoRate) = (Self.median(one), Self.median(two))
        let runs = { (rates: [Double]) in rates.map { BenchReport.format($0) }.joined(separator: ", ") }
        return [
            Measurement("P7pg1", "\(scale.devices) devices pushing at once to 1 sentra serve --postgres process", value: oneRate,
                        unit: "field values/s", note: "the median of \(Self.rounds) runs: \(runs(one)); all converged"),
            Measurement("P7pg2", "the same devices split across 2 sentra serve --postgres processes, one database", value: twoRate,
                        unit: "field values/s", baseline: oneRate, baselineName: "P7pg1, 1 process", ratio: twoRate / oneRate,
                        note: "the median of \(Self.rounds) runs, taken in turn with P7pg1's: \(runs(two)); all converged. 2 cores here: see Docs/performance.md"),
        ]
    }

    /// One run: new devices push at once to `processes` new `sentra serve` processes on a new database.
    private func measure(processes: Int, name: String) async throws -> Double {
        let push = ConcurrentPushBench(scale: scale, workspace: workspace, records: records)
        let values = records.records.prefix(scale.devices * scale.recordsPerDevice).reduce(0) { $0 + $1.fields.count }
        let devices = try push.makeDevices(name)
        let central = try await BenchCentral.create(.postgres(postgres), name: "\(name)-central", workspace: workspace)
        defer { central.close() }
        var tokens: [String] = []
        for device in devices { tokens.append(try await central.token(for: device)) }
        let servers = try (0..<processes).map { index in
            try ServeProcess(sentra: sentra, arguments: ["--postgres", central.postgresURL!, "--db", "\(workspace.directory)/\(name)-unused.db"],
                             log: "\(workspace.directory)/\(name)-serve-\(index).log")
        }
        defer { servers.forEach { $0.stop() } }
        let urls = servers.map(\.url)
        let client = ConcurrentPushBench.client(devices: scale.devices)
        do {
            let seconds = try await Stopwatch.seconds {
                try await ConcurrentPushBench.pushAtOnce(devices, tokens: tokens, urls: urls, client: client)
            }
            try await push.checkConvergence(devices, tokens: tokens, central: central, urls: urls)
            try await client.shutdown()
            return Double(values) / seconds
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}
