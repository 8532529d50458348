@testable import SentraCore

/// A line-by-line port of `Node.apply`, `state` and `conflicts` from
/// `/work/shared/reference/semantics_model.py`, kept independent of ``RecordState`` so the
/// property tests can check the real merge rule against the reference.
///
/// One deliberate difference: the model picks the display winner of `_deleted` by HLC alone and
/// leaves ties to dictionary order; here ties break by `(origin, counter)` as DESIGN.md says.
struct SemanticsModel {
    /// record -> field -> dot -> entry
    private(set) var records: [String: [String: [Dot: FieldEntry]]] = [:]
    private(set) var versionVector: [NodeID: Int] = [:]

    /// `Node.apply`: returns whether the change was new.
    @discardableResult
    mutating func apply(_ change: Change) -> Bool {
        let (origin, counter) = (change.dot.origin, change.dot.counter)
        if versionVector[origin, default: 0] >= counter { return false }
        precondition(versionVector[origin, default: 0] == counter - 1, "per-origin FIFO violated")
        precondition(change.context.counters.allSatisfy { versionVector[$0.key, default: 0] >= $0.value }, "causal context not satisfied")
        var record = records[change.record, default: [:]]
        let covered = { (dot: Dot) in change.context[dot.origin] >= dot.counter }
        var targets: [String: FieldValue]
        switch change.operation {
        case .assign(let values):
            targets = values
        case .delete:
            for field in record.keys where field != FieldName.deleted {
                record[field] = record[field]!.filter { !covered($0.key) }
            }
            targets = [FieldName.deleted: .bool(true)]
        }
        for (field, value) in targets {
            var entries = record[field, default: [:]].filter { !covered($0.key) }
            entries[change.dot] = FieldEntry(dot: change.dot, hlc: change.hlc, value: value)
            record[field] = entries
        }
        records[change.record] = record
        versionVector[origin] = counter
        return true
    }

    /// `Node.state`: the non-empty fields of each record, entries sorted by dot.
    var state: [String: [String: [FieldEntry]]] {
        records.mapValues { fields in
            fields.filter { !$0.value.isEmpty }.mapValues { $0.values.sorted { $0.dot < $1.dot } }
        }.filter { !$0.value.isEmpty }
    }

    /// `Node.conflicts`: (record, field) for each field with two or more entries, and
    /// (record, nil) for a deleted record that still holds user entries.
    var conflicts: Set<ConflictKey> {
        var result = Set<ConflictKey>()
        for (id, fields) in records {
            for (field, entries) in fields where entries.count > 1 {
                result.insert(ConflictKey(record: id, field: field))
            }
            let deletedWinner = fields[FieldName.deleted]?.values.displayWinner
            if deletedWinner?.value == .bool(true),
               fields.contains(where: { $0.key != FieldName.deleted && !$0.value.isEmpty }) {
                result.insert(ConflictKey(record: id, field: nil))
            }
        }
        return result
    }

    struct ConflictKey: Hashable, CustomStringConvertible {
        var record: String
        var field: String?
        var description: String { "\(record).\(field ?? "<delete/edit>")" }
    }
}
