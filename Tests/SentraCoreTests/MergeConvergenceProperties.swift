import Testing
@testable import SentraCore

/// Semantics 5 and 6: whatever the causal delivery order, duplicates and overlaps included,
/// replicas holding the same set of changes hold the same records, conflicts and winners.
@Suite("Merge convergence properties")
struct MergeConvergenceProperties {
    @Test("every causally consistent delivery order, with duplicates, gives the same state")
    func deliveryOrderDoesNotMatter() {
        forAllSeeds("merge.delivery-order") { seed, random in
            let history = HistoryGenerator.make(&random)
            let reference = DeliveryOrder.replay(history.changes)
            let expected = reference.snapshot
            for attempt in 0..<4 {
                let order = DeliveryOrder.random(history.changes, &random, duplicates: attempt > 0)
                let replica = DeliveryOrder.replay(order)
                try #require(replica.versionVector == reference.versionVector, "seed \(seed), order \(attempt)")
                let actual = replica.snapshot
                try #require(actual == expected, "seed \(seed), order \(attempt):\n\(actual)\n---- expected\n\(expected)")
            }
        }
    }

    @Test("the history's own nodes converge after everyone syncs with everyone")
    func nodesConvergeAfterFullSync() {
        forAllSeeds("merge.full-sync") { seed, random in
            var history = HistoryGenerator.make(&random)
            HistoryGenerator.synchronizeAll(&history.nodes)
            let expected = DeliveryOrder.replay(history.changes).snapshot
            for node in history.nodes {
                try #require(node.log.count == history.changes.count, "seed \(seed): \(node.id) holds \(node.log.count) of \(history.changes.count)")
                try #require(node.snapshot == expected, "seed \(seed): node \(node.id) diverged:\n\(node.snapshot)\n---- expected\n\(expected)")
            }
        }
    }

    @Test("merging replicas is commutative, associative and idempotent, and equals the union")
    func mergeLaws() {
        forAllSeeds("merge.laws") { seed, random in
            let history = HistoryGenerator.make(&random)
            // Three causally closed subsets: two nodes as the history left them, one random prefix.
            let a = random.pick(history.nodes)
            let b = random.pick(history.nodes)
            let c = DeliveryOrder.replay(DeliveryOrder.randomClosedSubset(history.changes, &random))
            let ab = merged(a, b)
            try #require(ab.snapshot == merged(b, a).snapshot, "seed \(seed): A+B != B+A")
            try #require(merged(ab, c).snapshot == merged(a, merged(b, c)).snapshot, "seed \(seed): (A+B)+C != A+(B+C)")
            try #require(merged(ab, c).snapshot == merged(merged(c, b), a).snapshot, "seed \(seed): (A+B)+C != (C+B)+A")
            try #require(merged(a, a).snapshot == a.snapshot, "seed \(seed): A+A != A")
            try #require(merged(ab, b).snapshot == ab.snapshot, "seed \(seed): (A+B)+B != A+B")
            try #require(merged(ab, a).log.count == ab.log.count, "seed \(seed): re-merging added changes")
            // A+B equals a fresh replica given the union in any causal order.
            let union = ab.log
            let fresh = DeliveryOrder.replay(DeliveryOrder.random(union, &random, duplicates: true))
            try #require(fresh.snapshot == ab.snapshot, "seed \(seed): A+B != replay of A∪B")
            try #require(fresh.versionVector == a.versionVector.merging(b.versionVector), "seed \(seed): VV of A∪B")
        }
    }

    @Test("re-applying any prefix changes nothing")
    func reapplyingIsIdempotent() {
        forAllSeeds("merge.idempotence") { seed, random in
            let history = HistoryGenerator.make(&random)
            let order = DeliveryOrder.random(history.changes, &random)
            var replica = ModelReplica(id: NodeID(rawValue: "observer")!)
            for (index, change) in order.enumerated() {
                replica.receive(change)
                // Any earlier change, straight into the record: an empty delta and no change.
                let earlier = order[Int.random(in: 0...index, using: &random)]
                var state = replica.records[earlier.record]!
                let delta = state.apply(earlier)
                try #require(delta.isEmpty, "seed \(seed): re-applying \(earlier.dot) gave \(delta)")
                try #require(state == replica.records[earlier.record], "seed \(seed): re-applying \(earlier.dot)")
            }
            let before = replica.snapshot
            let prefix = order.prefix(Int.random(in: 0...order.count, using: &random))
            for change in prefix {
                try #require(replica.receive(change) == nil, "seed \(seed): \(change.dot) applied twice")
            }
            try #require(replica.snapshot == before, "seed \(seed): re-delivering a prefix changed the state")
            try #require(replica.log.count == order.count, "seed \(seed)")
        }
    }

    /// `x` after pulling everything `y` has.
    private func merged(_ x: ModelReplica, _ y: ModelReplica) -> ModelReplica {
        var result = x
        result.merge(from: y)
        return result
    }
}
