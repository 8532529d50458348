@testable import SentraCore

/// A random multi-node history: local writes and partial, repeated or duplicated exchanges.
struct History {
    /// The replicas as the history left them, before any final synchronisation.
    var nodes: [ModelReplica]
    /// Every change written, in the order it was written: one causal order of the whole set.
    var changes: [Change]
}

/// Generates histories across 2–5 nodes: adds (including blind writes to the same record ID
/// from several nodes), edits of random fields, deletes, restores and exchanges. Values come
/// from a small domain so that concurrent writes collide, and each node's wall clock drifts and
/// jumps, backwards too, so HLC ties and inversions occur.
enum HistoryGenerator {
    static let fields = ["nama", "pekerja", "desa", "omzet"]
    static let forms = ["usaha", "usaha_v2"]
    static let values: [FieldValue] = [.integer(0), .integer(1), .string("Budi"), .string("Siti"), .bool(true), .null]

    static func make(_ random: inout SeededGenerator, steps: ClosedRange<Int> = 6...36) -> History {
        let nodeCount = Int.random(in: 2...5, using: &random)
        var nodes = (0..<nodeCount).map { _ in ModelReplica(id: NodeID.random(using: &random)) }
        var skew = (0..<nodeCount).map { _ in Int64.random(in: -20...20, using: &random) }
        var time: Int64 = 1_000
        var changes: [Change] = []
        for _ in 0..<Int.random(in: steps, using: &random) {
            time += Int64.random(in: 0...3, using: &random)
            let index = Int.random(in: 0..<nodeCount, using: &random)
            if random.chance(0.1) { skew[index] += Int64.random(in: -500...60, using: &random) }
            let now = max(0, time + skew[index])
            let known = nodes[index].records.keys.sorted()
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < 0.4 || known.isEmpty && roll < 0.6 {
                let record = known.isEmpty || random.chance(0.3) ? "r\(Int.random(in: 0...3, using: &random))" : random.pick(known)
                changes.append(nodes[index].write(record: record, form: random.pick(forms), operation: .assign(assignment(&random)), now: now))
            } else if roll < 0.5, !known.isEmpty {
                changes.append(nodes[index].write(record: random.pick(known), form: random.pick(forms), operation: .delete, now: now))
            } else if roll < 0.56, !known.isEmpty {
                var values = random.chance(0.5) ? assignment(&random) : [:]
                values[FieldName.deleted] = .bool(false)
                changes.append(nodes[index].write(record: random.pick(known), form: random.pick(forms), operation: .assign(values), now: now))
            } else {
                var peer = Int.random(in: 0..<nodeCount - 1, using: &random)
                if peer >= index { peer += 1 }
                exchange(from: nodes[peer], to: &nodes[index], now: now, &random)
            }
        }
        return History(nodes: nodes, changes: changes)
    }

    /// One to three random fields, each with a value from the small domain.
    static func assignment(_ random: inout SeededGenerator) -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            values[random.pick(fields)] = random.pick(Self.values)
        }
        return values
    }

    /// A pull that may resend everything, stop part way, or arrive twice.
    static func exchange(from sender: ModelReplica, to receiver: inout ModelReplica, now: Int64, _ random: inout SeededGenerator) {
        var batch = random.chance(0.7) ? sender.missing(for: receiver.versionVector) : sender.log
        if !batch.isEmpty, random.chance(0.4) { batch = Array(batch.prefix(Int.random(in: 1...batch.count, using: &random))) }
        for change in batch { receiver.receive(change, now: now) }
        if random.chance(0.2) {
            for change in batch { receiver.receive(change, now: now) }
        }
    }

    /// Every node pulls from every other, twice: afterwards all hold the same set of changes.
    static func synchronizeAll(_ nodes: inout [ModelReplica]) {
        for _ in 0..<2 {
            for receiver in nodes.indices {
                for sender in nodes.indices where sender != receiver {
                    nodes[receiver].merge(from: nodes[sender])
                }
            }
        }
    }
}
