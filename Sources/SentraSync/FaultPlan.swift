import Foundation
import SentraCore

/// The draws of a fault plan (``InMemoryTransport/Faults``), shared by the transports that inject
/// faults: which request to drop, which answer to lose, which to deliver twice, and which old push
/// to deliver late, from one seeded generator so that a seed replays a run.
final class FaultPlan: @unchecked Sendable {
    let faults: InMemoryTransport.Faults
    private let lock = NSLock()
    private var random: SeededGenerator
    private var pushes: [(request: PushRequest, survey: String)] = []

    init(_ faults: InMemoryTransport.Faults) {
        self.faults = faults
        random = SeededGenerator(seed: faults.seed)
    }

    /// Keeps a push, to deliver it again late.
    func remember(_ request: PushRequest, survey: String) {
        lock.withLock { pushes.append((request, survey)) }
    }

    /// An old push to deliver now, before the request at hand, when the plan says so.
    func latePush() -> (request: PushRequest, survey: String)? {
        guard chance(faults.deliverLate) else { return nil }
        return lock.withLock { pushes.isEmpty ? nil : random.pick(pushes) }
    }

    var dropsRequest: Bool { chance(faults.dropRequest) }
    var duplicates: Bool { chance(faults.duplicate) }
    var losesResponse: Bool { chance(faults.loseResponse) }

    private func chance(_ p: Double) -> Bool {
        p > 0 && lock.withLock { random.chance(p) }
    }
}
