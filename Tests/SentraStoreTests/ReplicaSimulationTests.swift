import Foundation
import Testing

/// The seeded multi-replica simulation: 300 seeds by default, `SENTRA_SIM_SEEDS=N` for more, and
/// `SENTRA_SIM_SEED=S` to replay one.
@Suite struct ReplicaSimulationTests {
    static let seeds: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        if let one = environment["SENTRA_SIM_SEED"].flatMap(UInt64.init) { return [one] }
        return Array(0..<(environment["SENTRA_SIM_SEEDS"].flatMap(UInt64.init) ?? 300))
    }()

    /// Each case runs on a ``HeavyWork`` queue, not on a cooperative thread.
    @Test("replicas converge", arguments: seeds)
    func converges(seed: UInt64) async throws {
        do {
            try await HeavyWork.run {
                var simulation = ReplicaSimulation(seed: seed)
                try simulation.run()
            }
        } catch {
            Issue.record("seed \(seed) failed (replay with SENTRA_SIM_SEED=\(seed)): \(error)")
        }
    }
}
