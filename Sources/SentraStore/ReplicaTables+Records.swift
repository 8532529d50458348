import GRDB
import SentraCore

/// The `record` table: each record's merged state, read and written inside a caller's transaction.
///
/// A row either holds every entry, or points at the change that created the record (`base`, a
/// log position) and holds the entries written after it: see ``RecordRow`` and decision 0008.
extension ReplicaTables {
    func recordExists(_ id: String) throws -> Bool {
        try Bool.fetchOne(statement("SELECT 1 FROM record WHERE survey = ? AND id = ?"), arguments: [survey, id]) ?? false
    }

    /// The record's merged state, every entry included, or nil if no change to it was applied here.
    func loadRecord(_ id: String) throws -> RecordState? {
        guard let row = try Row.fetchOne(statement("\(Self.recordColumns) FROM \(Self.recordTable()) WHERE r.survey = ? AND r.id = ?"),
            arguments: [survey, id]) else { return nil }
        return try Self.record(from: row)
    }

    /// The columns ``record(from:)`` reads, of ``recordTable(_:)``.
    static let recordColumns = "SELECT r.id, r.form, r.form_hlc, r.form_origin, r.form_counter, r.context, r.entries, b.body AS base_body"

    /// Table `record` as `r`, with the change its row points at, if any, as `b`: `record r` may name
    /// an index to use.
    static func recordTable(_ record: String = "record r") -> String {
        "\(record) LEFT JOIN change_log b ON b.seq = r.base"
    }

    /// A record's whole state from its row, as ``recordColumns`` selects it.
    static func record(from row: Row) throws -> RecordState {
        let state = try rowState(row)
        guard let body: String = row["base_body"] else { return state }
        return withBase(try loggedChange(body), state)
    }

    /// The state a row holds itself, without its base's values: its form, context and `entries`.
    private static func rowState(_ row: Row) throws -> RecordState {
        try RecordEntries.record(id: row["id"], form: row["form"], formHLC: row["form_hlc"], formOrigin: row["form_origin"],
                                 formCounter: row["form_counter"], context: row["context"], entries: row["entries"])
    }

    /// `state`, the entries after `base`, with `base`'s entry added to every field it does not hold.
    private static func withBase(_ base: Change, _ state: RecordState) -> RecordState {
        var fields = state.fields
        for (field, value) in base.assignments where fields[field] == nil {
            fields[field] = [FieldEntry(dot: base.dot, hlc: base.hlc, value: value)]
        }
        return RecordState(id: state.id, form: state.form, formStamp: state.formStamp, fields: fields, context: state.context)
    }

    /// The record's row for a write, without reading its base's values; nil if no change to it
    /// was applied here.
    func loadRow(_ id: String) throws -> RecordRow? {
        guard let row = try Row.fetchOne(statement("""
                SELECT r.id, r.form, r.form_hlc, r.form_origin, r.form_counter, r.context, r.entries,
                    r.base, b.origin AS base_origin, b.counter AS base_counter
                FROM \(Self.recordTable()) WHERE r.survey = ? AND r.id = ?
                """), arguments: [survey, id]) else { return nil }
        let state = try Self.rowState(row)
        guard let seq: Int64 = row["base"] else { return RecordRow(state: state) }
        guard let origin = NodeID(rawValue: row["base_origin"] ?? "") else {
            throw StoreError(.storage, "record \(id) points at log position \(seq), which the log does not hold")
        }
        return RecordRow(state: state, base: RecordRow.Base(seq: seq, dot: Dot(origin: origin, counter: row["base_counter"])))
    }

    /// `row` with its base's values moved into its state: a row that holds every entry.
    func withoutBase(_ row: RecordRow) throws -> RecordRow {
        guard let base = row.base else { return row }
        guard let body = try String.fetchOne(statement("SELECT body FROM change_log WHERE seq = ?"), arguments: [base.seq]) else {
            throw StoreError(.storage, "record \(row.state.id) points at log position \(base.seq), which the log does not hold")
        }
        return RecordRow(state: Self.withBase(try Self.loggedChange(body), row.state))
    }

    /// Writes the record's row.
    func saveRow(_ row: RecordRow) throws {
        let state = row.state
        let stamp = state.formStamp!
        try execute("""
                INSERT INTO record (survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted, entries, base)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET form = excluded.form, form_hlc = excluded.form_hlc,
                    form_origin = excluded.form_origin, form_counter = excluded.form_counter,
                    context = excluded.context, deleted = excluded.deleted, conflicted = excluded.conflicted,
                    entries = excluded.entries, base = excluded.base
                """, [survey, state.id, state.form, stamp.hlc.rawValue, stamp.dot.origin.rawValue, stamp.dot.counter,
                        RecordEntries.contextJSON(state.context), state.isDeleted, state.hasConflicts,
                        state.fields.isEmpty ? "[]" : RecordEntries.json(state.fields), row.base?.seq])
    }

    /// Applies one change that causal delivery allows to its record: logs it and merges it into
    /// `row` (nil for a record this replica has no change of). The caller then writes the row
    /// (``saveRow(_:)``, once for many changes to the record) and counts the change in the
    /// version vector (``setCounter(_:of:)``, once per origin for many changes).
    ///
    /// - A new record's first assignment of user fields stays in the log only: its row points at
    ///   it (``RecordRow``).
    /// - A change that ``RecordRow/canApplyOnTop(_:)`` merges into the entries after the base.
    /// - Any other change to a row with a base (a deletion; a change made without the base) first
    ///   moves the base's values into the row, which then holds every entry.
    func merge(_ change: Change, into row: inout RecordRow?) throws {
        try appendToLog(change, body: Self.logBody(change))
        switch row {
        case nil where RecordRow.canBeBase(change):
            // What applying it leaves besides its entries: its form and its dot.
            var context = VersionVector()
            context.include(change.dot)
            let state = RecordState(id: change.record, form: change.form, formStamp: FieldEntry(dot: change.dot, hlc: change.hlc, value: .string(change.form)),
                                    fields: [:], context: context)
            row = RecordRow(state: state, base: RecordRow.Base(seq: db.lastInsertedRowID, dot: change.dot))
        case nil:
            var merged = RecordRow(state: RecordState(id: change.record, form: change.form))
            merged.state.apply(change)
            row = merged
        case let existing?:
            var merged = existing.canApplyOnTop(change) ? existing : try withoutBase(existing)
            merged.state.apply(change)
            row = merged
        }
    }

    /// `change` as the log stores it: canonical JSON, its values written once.
    private static func logBody(_ change: Change) -> String {
        guard case .assign(let values) = change.operation else { return change.canonicalJSON }
        var set = CanonicalJSONWriter(capacity: 2_048)
        set.write(.object(values))
        var body = CanonicalJSONWriter(capacity: set.bytes.count + 512)
        change.write(to: &body, setJSON: set.bytes)
        return body.text
    }
}
