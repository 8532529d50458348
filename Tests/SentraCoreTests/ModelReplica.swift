@testable import SentraCore

/// A pure in-memory replica for the property tests: a version vector, one ``RecordState`` per
/// record and a log, with the delivery rules of DESIGN.md (Semantics 1 and 5) and nothing else.
///
/// It plays the part the SQLite store plays in production, so the tests exercise the real merge
/// rule (``RecordState/apply(_:)``) under every delivery order the store could see.
struct ModelReplica {
    let id: NodeID
    var clock = HybridClock()
    private(set) var versionVector = VersionVector()
    private(set) var records: [String: RecordState] = [:]
    /// Every change applied here, in application order (a causal order).
    private(set) var log: [Change] = []

    init(id: NodeID) { self.id = id }

    /// A local write: takes the record's context, bumps this node's counter, applies the change.
    @discardableResult
    mutating func write(record: String, form: String, operation: Change.Operation, now: Int64) -> Change {
        let context = records[record]?.context ?? VersionVector()
        let change = Change(
            dot: Dot(origin: id, counter: versionVector[id] + 1), hlc: clock.send(now: now),
            record: record, form: form, context: context, operation: operation)
        let delta = applyCausally(change)
        precondition(delta != nil, "a local write is always new")
        return change
    }

    /// Whether `change` may be applied now: already held (and will be skipped), or next from
    /// its origin with its context covered.
    func isDeliverable(_ change: Change) -> Bool {
        versionVector.covers(change.dot) || isReady(change)
    }

    /// Next from its origin (per-origin FIFO) and with everything its context names held.
    func isReady(_ change: Change) -> Bool {
        versionVector[change.dot.origin] == change.dot.counter - 1 && versionVector.dominates(change.context)
    }

    /// A remote change: skipped (`nil`) if the version vector covers it, else applied. The
    /// caller must respect causality; a violation is a bug in the test and stops it.
    @discardableResult
    mutating func receive(_ change: Change, now: Int64 = 0) -> RecordDelta? {
        if versionVector.covers(change.dot) { return nil }
        clock.receive(change.hlc, now: now)
        return applyCausally(change)
    }

    private mutating func applyCausally(_ change: Change) -> RecordDelta? {
        precondition(isReady(change), "causal delivery violated by \(change.dot) at \(versionVector)")
        var state = records[change.record] ?? RecordState(id: change.record)
        let delta = state.apply(change)
        records[change.record] = state
        versionVector.include(change.dot)
        log.append(change)
        return delta
    }

    /// The changes of this replica's log that a replica holding `other` lacks, in log order.
    func missing(for other: VersionVector) -> [Change] {
        log.filter { !other.covers($0.dot) }
    }

    /// Pulls everything `peer` has that this replica lacks, in the peer's log order: the state
    /// merge of two replicas.
    mutating func merge(from peer: ModelReplica) {
        for change in peer.missing(for: versionVector) { receive(change) }
    }

    /// What a user could observe, for comparing replicas.
    var snapshot: ReplicaSnapshot { ReplicaSnapshot(records: records) }
}

/// Everything about a replica's records that must converge: the states themselves, the
/// conflicts (entries in order) and the display winners, with every field flagged and with
/// every field `lww`.
struct ReplicaSnapshot: Equatable, CustomStringConvertible {
    var records: [String: RecordState]
    var conflicts: [Conflict]
    var lwwConflicts: [Conflict]
    var displayValues: [String: [String: FieldValue]]
    var conflictWinners: [FieldEntry?]
    var deleted: Set<String>

    init(records: [String: RecordState]) {
        self.records = records
        let sorted = records.values.sorted { $0.id < $1.id }
        conflicts = sorted.flatMap { $0.conflicts() }
        lwwConflicts = sorted.flatMap { $0.conflicts(policy: { _ in .lww }) }
        displayValues = records.mapValues(\.displayValues)
        conflictWinners = conflicts.map(\.displayWinner)
        deleted = Set(records.values.filter(\.isDeleted).map(\.id))
    }

    var description: String {
        records.values.sorted { $0.id < $1.id }.map { record in
            let fields = record.fields.sorted { $0.key < $1.key }.map { field, entries in
                "\(field)=[" + entries.map { "\($0.dot)@\($0.hlc):\($0.value.jsonText)" }.joined(separator: " ") + "]"
            }
            return "\(record.id)(\(record.form)) ctx=\(record.context) " + fields.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
