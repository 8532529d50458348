import Foundation
import GRDB
import SentraCore

/// Reads and writes of the replica's tables inside a caller's transaction.
///
/// Only storage lives here: which entries a change removes or adds is decided by
/// ``RecordState/apply(_:)`` in SentraCore.
struct ReplicaTables {
    let db: Database
    let survey: String

    /// Runs a write statement, prepared once per connection.
    func execute(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// A statement prepared once per connection.
    func statement(_ sql: String) throws -> Statement {
        try db.cachedStatement(sql: sql)
    }

    // MARK: Survey and clock

    func requireSurvey() throws {
        guard try Replica.surveyExists(survey, db: db) else {
            throw StoreError(.unknownSurvey, "this replica does not hold survey \"\(survey)\"")
        }
    }

    func clock() throws -> HybridClock {
        HybridClock(last: HybridTimestamp(rawValue: try Int64.fetchOne(db, sql: "SELECT hlc FROM node") ?? 0))
    }

    func saveClock(_ clock: HybridClock) throws {
        try execute("UPDATE node SET hlc = ?", [clock.last.rawValue])
    }

    // MARK: Version vector

    func versionVector() throws -> VersionVector {
        var counters: [NodeID: Int] = [:]
        for row in try Row.fetchAll(statement("SELECT origin, counter FROM version_vector WHERE survey = ?"),
            arguments: [survey]) {
            if let origin = NodeID(rawValue: row["origin"]) { counters[origin] = row["counter"] }
        }
        return VersionVector(counters)
    }

    func counter(of origin: NodeID) throws -> Int {
        try Int.fetchOne(statement("SELECT counter FROM version_vector WHERE survey = ? AND origin = ?"),
            arguments: [survey, origin.rawValue]) ?? 0
    }

    func setCounter(_ counter: Int, of origin: NodeID) throws {
        try execute("INSERT INTO version_vector (survey, origin, counter) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET counter = excluded.counter",
            [survey, origin.rawValue, counter])
    }

    // MARK: Change log

    func appendToLog(_ change: Change) throws {
        try execute("INSERT INTO change_log (survey, origin, counter, record, hlc, body) VALUES (?, ?, ?, ?, ?, ?)",
            [survey, change.dot.origin.rawValue, change.dot.counter, change.record, change.hlc.rawValue, try Self.encode(change)])
    }

    func loggedBody(of dot: Dot) throws -> String? {
        try String.fetchOne(statement("SELECT body FROM change_log WHERE survey = ? AND origin = ? AND counter = ?"),
            arguments: [survey, dot.origin.rawValue, dot.counter])
    }

    static func encode(_ change: Change) throws -> String {
        try jsonText(change)
    }

    /// `value` as canonical JSON text, the form every JSON column stores.
    static func jsonText(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder.canonical.encode(value), as: UTF8.self)
    }

    // MARK: Records

    func recordExists(_ id: String) throws -> Bool {
        try Bool.fetchOne(statement("SELECT 1 FROM record WHERE survey = ? AND id = ?"), arguments: [survey, id]) ?? false
    }

    /// The record's merged state, or nil if no change to it was applied here.
    func loadRecord(_ id: String) throws -> RecordState? {
        guard let row = try Row.fetchOne(statement("SELECT id, form, form_hlc, form_origin, form_counter, context FROM record WHERE survey = ? AND id = ?"),
            arguments: [survey, id]) else { return nil }
        var fields: [String: [FieldEntry]] = [:]
        let entries = try Row.fetchCursor(statement("SELECT field, origin, counter, hlc, value FROM entry WHERE survey = ? AND record = ?"),
            arguments: [survey, id])
        while let entry = try entries.next() {
            fields[entry["field"], default: []].append(try Self.entry(from: entry))
        }
        return try Self.record(from: row, fields: fields)
    }

    /// A field entry from a row with `origin`, `counter`, `hlc` and `value`.
    static func entry(from row: Row) throws -> FieldEntry {
        FieldEntry(
            dot: Dot(origin: NodeID(rawValue: row["origin"])!, counter: row["counter"]),
            hlc: HybridTimestamp(rawValue: row["hlc"]),
            value: try JSONDecoder().decode(FieldValue.self, from: Data((row["value"] as String).utf8)))
    }

    /// A record's state from its `record` row and its entries.
    static func record(from row: Row, fields: [String: [FieldEntry]]) throws -> RecordState {
        let form: String = row["form"]
        let stamp = FieldEntry(dot: Dot(origin: NodeID(rawValue: row["form_origin"])!, counter: row["form_counter"]),
                               hlc: HybridTimestamp(rawValue: row["form_hlc"]), value: .string(form))
        let context = try JSONDecoder().decode(VersionVector.self, from: Data((row["context"] as String).utf8))
        return RecordState(id: row["id"], form: form, formStamp: stamp, fields: fields, context: context)
    }

    /// Persists what ``RecordState/apply(_:)`` did, and the record's new row.
    func saveRecord(_ state: RecordState, delta: RecordDelta) throws {
        for removed in delta.removed {
            try execute("DELETE FROM entry WHERE survey = ? AND record = ? AND field = ? AND origin = ? AND counter = ?",
                [survey, state.id, removed.field, removed.dot.origin.rawValue, removed.dot.counter])
        }
        for added in delta.added {
            try execute("INSERT INTO entry (survey, record, field, origin, counter, hlc, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [survey, state.id, added.field, added.entry.dot.origin.rawValue, added.entry.dot.counter,
                            added.entry.hlc.rawValue, added.entry.value.jsonText])
        }
        let stamp = state.formStamp!
        try execute("""
                INSERT INTO record (survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET form = excluded.form, form_hlc = excluded.form_hlc,
                    form_origin = excluded.form_origin, form_counter = excluded.form_counter,
                    context = excluded.context, deleted = excluded.deleted, conflicted = excluded.conflicted
                """, [survey, state.id, state.form, stamp.hlc.rawValue, stamp.dot.origin.rawValue, stamp.dot.counter,
                        try Self.jsonText(state.context),
                        state.isDeleted, state.hasConflicts])
    }

    /// Applies one change that causal delivery allows: merges it into its record, logs it and
    /// counts it in the version vector.
    func merge(_ change: Change, into state: inout RecordState) throws {
        let delta = state.apply(change)
        try saveRecord(state, delta: delta)
        try appendToLog(change)
        try setCounter(change.dot.counter, of: change.dot.origin)
    }

    // MARK: Forms

    func form(_ name: String) throws -> FormDefinition? {
        guard let text = try String.fetchOne(statement("SELECT definition FROM form WHERE survey = ? AND name = ?"),
            arguments: [survey, name]) else {
            return nil
        }
        return try JSONDecoder().decode(FormDefinition.self, from: Data(text.utf8))
    }

    func forms() throws -> [String: FormDefinition] {
        var result: [String: FormDefinition] = [:]
        for text in try String.fetchAll(statement("SELECT definition FROM form WHERE survey = ?"), arguments: [survey]) {
            let form = try JSONDecoder().decode(FormDefinition.self, from: Data(text.utf8))
            result[form.name] = form
        }
        return result
    }

    // MARK: Node names

    func nodeNames() throws -> [NodeID: String] {
        var names: [NodeID: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM node_name UNION ALL SELECT id, name FROM node") {
            if let id = NodeID(rawValue: row["id"]) { names[id] = row["name"] }
        }
        return names
    }
}
