import Testing
@testable import SentraCore

/// The real merge rule against the executable model of DESIGN.md
/// (`reference/semantics_model.py`), including its "no write lost" check.
@Suite("Agreement with the semantics model")
struct ModelAgreementProperties {
    @Test("RecordState holds exactly the model's entries and conflicts after every delivered change")
    func recordStateMatchesModel() {
        forAllSeeds("model.agreement") { seed, random in
            let history = HistoryGenerator.make(&random)
            var model = SemanticsModel()
            var replica = ModelReplica(id: NodeID(rawValue: "observer")!)
            for change in DeliveryOrder.random(history.changes, &random, duplicates: true) {
                let new = model.apply(change)
                try #require((replica.receive(change) != nil) == new, "seed \(seed): \(change.dot) new in one, not the other")
                let state = replica.records[change.record]!
                try #require(state.fields == (model.state[change.record] ?? [:]), "seed \(seed): after \(change.dot)\n\(state.fields)\n---- model\n\(model.state[change.record] ?? [:])")
            }
            let conflicts = Set(replica.records.values.flatMap { $0.conflicts() }.map { SemanticsModel.ConflictKey(record: $0.record, field: $0.field) })
            try #require(conflicts == model.conflicts, "seed \(seed): conflicts \(conflicts) != model \(model.conflicts)")
            let flagged = Set(replica.records.values.filter(\.hasConflicts).map(\.id))
            try #require(flagged == Set(model.conflicts.map(\.record)), "seed \(seed): hasConflicts disagrees")
        }
    }

    @Test("no acknowledged write is lost without being superseded")
    func noWriteLostSilently() {
        forAllSeeds("model.no-lost-write") { seed, random in
            var history = HistoryGenerator.make(&random, steps: 10...44)
            HistoryGenerator.synchronizeAll(&history.nodes)
            let final = history.nodes[Int.random(in: 0..<history.nodes.count, using: &random)]
            for change in history.changes {
                for field in change.assignments.keys {
                    let kept = final.records[change.record]?.fields[field]?.contains { $0.dot == change.dot } ?? false
                    if kept { continue }
                    // Gone: some change to the same record must have seen it and overwritten it.
                    let superseded = final.log.contains { later in
                        later.record == change.record && later.context.covers(change.dot)
                            && (later.assignments[field] != nil || later.operation == .delete)
                    }
                    try #require(superseded, "seed \(seed): write \(change.dot) to \(change.record).\(field) lost without being superseded")
                }
            }
        }
    }

    @Test("a deleted record never silently comes back")
    func deletionsStickUnlessRestored() {
        forAllSeeds("model.delete-sticks") { seed, random in
            var history = HistoryGenerator.make(&random)
            HistoryGenerator.synchronizeAll(&history.nodes)
            let final = history.nodes[0]
            for state in final.records.values {
                let deletes = history.changes.filter { $0.record == state.id && $0.operation == .delete }
                guard !deletes.isEmpty, !state.isDeleted else { continue }
                // Not deleted although someone deleted it: a visible `_deleted = false` must win,
                // written by someone who had seen a deletion (a restore), or the deletion was
                // concurrent with it and lost the display order, which still shows as a conflict.
                let winner = try #require(state.fields[FieldName.deleted]?.displayWinner, "seed \(seed): \(state.id) lost its _deleted entries")
                try #require(winner.value == .bool(false), "seed \(seed): \(state.id)")
                let restore = try #require(history.changes.first { $0.dot == winner.dot }, "seed \(seed)")
                let sawDelete = deletes.contains { restore.context.covers($0.dot) }
                let stillFlagged = state.fields[FieldName.deleted]!.count > 1
                try #require(sawDelete || stillFlagged, "seed \(seed): \(state.id) came back without a restore")
            }
        }
    }
}
