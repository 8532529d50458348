@testable import SentraCore

/// Random causally consistent delivery orders of a set of changes.
enum DeliveryOrder {
    /// A random topological order of `changes` (a causally closed set): per-origin FIFO, and
    /// each change after everything its context names. With `duplicates`, already delivered
    /// changes are sent again at random points, sometimes straight away.
    static func random(_ changes: [Change], _ random: inout SeededGenerator, duplicates: Bool = false) -> [Change] {
        var queues: [NodeID: [Change]] = [:]
        for change in changes.sorted(by: { $0.dot < $1.dot }) where queues[change.dot.origin]?.last?.dot != change.dot {
            queues[change.dot.origin, default: []].append(change)
        }
        let origins = queues.keys.sorted()
        var next = [NodeID: Int](uniqueKeysWithValues: origins.map { ($0, 0) })
        var held = VersionVector()
        var delivered: [Change] = []
        var order: [Change] = []
        while true {
            let ready = origins.filter { origin in
                guard let change = queues[origin]?[safe: next[origin]!] else { return false }
                return held.dominates(change.context)
            }
            guard !ready.isEmpty else { break }
            let origin = random.pick(ready)
            let change = queues[origin]![next[origin]!]
            next[origin]! += 1
            held.include(change.dot)
            delivered.append(change)
            order.append(change)
            if duplicates, random.chance(0.15) { order.append(random.pick(delivered)) }
            if duplicates, random.chance(0.05) { order.append(change) }
        }
        precondition(delivered.count == Set(changes.map(\.dot)).count, "the change set is not causally closed")
        return order
    }

    /// A random causally closed subset of `changes`: a prefix of a random delivery order.
    static func randomClosedSubset(_ changes: [Change], _ random: inout SeededGenerator) -> [Change] {
        let order = Self.random(changes, &random)
        return Array(order.prefix(Int.random(in: 0...order.count, using: &random)))
    }

    /// A fresh replica that received `changes` in the given (causal) order.
    static func replay(_ changes: [Change], observer: NodeID = NodeID(rawValue: "observer")!) -> ModelReplica {
        var replica = ModelReplica(id: observer)
        for change in changes { replica.receive(change) }
        return replica
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
