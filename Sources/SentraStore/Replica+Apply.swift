public import SentraCore
import GRDB

extension Replica {
    /// Applies a batch of changes from another node in one transaction.
    ///
    /// Delivery is causal: a change is applied only after the previous change from its origin
    /// and every change its context names. Changes the replica holds already are skipped, so a
    /// batch applied twice, or batches that overlap, change nothing more. A batch with a gap, or a
    /// change that reuses a held dot with other content, is refused as a whole and changes nothing.
    /// A change under this node's own origin that it does not hold is refused: only this node writes
    /// under its ID. A change is never refused for its clock: one whose HLC is more than ``maxClockAhead`` ahead
    /// of the wall clock is applied, but the replica's clock does not follow it (it is counted in
    /// ``ApplyResult/clockAhead``).
    ///
    /// - Parameter changes: in an order that respects causality, as in the sender's log.
    @discardableResult
    public func apply(_ changes: [Change], survey: String) throws -> ApplyResult {
        try write { db in try applyBatch(changes, tables: ReplicaTables(db: db, survey: survey)) }
    }

    func applyBatch(_ changes: [Change], tables: ReplicaTables) throws -> ApplyResult {
        try tables.requireSurvey()
        var result = ApplyResult()
        var versionVector = try tables.versionVector()
        let heldBefore = versionVector
        var clock = try tables.clock(maxAhead: maxClockAhead)
        var records: [String: RecordRow] = [:]
        var conflictsBefore: [String: Set<String?>] = [:]
        let forms = try tables.forms()
        let conflictKeys = { (state: RecordState) -> Set<String?> in
            state.hasConflicts ? Set(state.conflicts(presentedBy: forms[state.form]).map(\.field)) : []
        }
        for change in changes {
            if versionVector.covers(change.dot) {
                try checkSameAsLogged(change, tables: tables)
                result.skipped += 1
                continue
            }
            try Replica.checkDeliverable(change, versionVector: versionVector, node: node.id)
            var row: RecordRow?
            if let loaded = records[change.record] {
                row = loaded
            } else {
                row = try tables.loadRow(change.record)
                conflictsBefore[change.record] = row.map { conflictKeys($0.state) } ?? []
            }
            try tables.merge(change, into: &row)
            records[change.record] = row
            versionVector.include(change.dot)
            let now = wallClock()
            if clock.isTooFarAhead(change.hlc, now: now) { result.clockAhead += 1 }
            clock.receive(change.hlc, now: now)
            result.applied += 1
        }
        try tables.saveClock(clock)
        // Each record's row and each origin's counter are written once, however many changes
        // the batch brings them. A row's state answers for its conflicts, base or not (``RecordRow``).
        for (id, row) in records {
            try tables.saveRow(row)
            result.newConflicts += conflictKeys(row.state).subtracting(conflictsBefore[id] ?? []).count
        }
        for (origin, counter) in versionVector.counters where counter > heldBefore[origin] {
            try tables.setCounter(counter, of: origin)
        }
        return result
    }

    /// Refuses a change that `node`, holding `versionVector`, cannot apply yet: one under its own
    /// ID, one that skips a counter of its origin, or one whose context names a change not held.
    /// Every store of a node applies this rule (the PostgreSQL store too).
    package static func checkDeliverable(_ change: Change, versionVector: VersionVector, node: NodeID) throws {
        guard change.dot.origin != node else {
            throw StoreError(.ownOrigin, "change \(change.dot) is under this node's own ID, but this node never wrote it; the batch was refused, nothing was applied")
        }
        let held = versionVector[change.dot.origin]
        guard held == change.dot.counter - 1 else {
            throw StoreError(.causalGap, "change \(change.dot) arrived before \(change.dot.origin):\(held + 1); the batch has a gap and was refused, nothing was applied")
        }
        if let missing = change.context.origins.first(where: { versionVector[$0] < change.context[$0] }) {
            throw StoreError(.causalGap, "change \(change.dot) depends on \(missing):\(change.context[missing]), which this replica has not received; the batch was refused, nothing was applied")
        }
    }

    private func checkSameAsLogged(_ change: Change, tables: ReplicaTables) throws {
        guard let logged = try tables.loggedBody(of: change.dot) else { return }
        guard logged == (try ReplicaTables.encode(change)) else {
            throw StoreError(.conflictingDot, "change \(change.dot) differs from the change this replica holds under that dot; the batch was refused, nothing was applied")
        }
    }
}
