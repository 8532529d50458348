public import SentraCore
import GRDB

extension Replica {
    /// Creates a record, in one transaction with its log entry and counter.
    ///
    /// - Parameters:
    ///   - id: the record's ID; a new UUIDv7 when nil.
    ///   - fields: validated against `form` when the survey defines it; stored schemaless otherwise.
    ///   - schemaless: allows a form the survey does not define although it defines others.
    /// - Returns: the change that was written.
    /// - Throws: ``StoreError`` `.unknownForm` when the survey defines forms but not `form`, and
    ///   `schemaless` is false: a typo in a form name would otherwise skip validation.
    @discardableResult
    public func addRecord(survey: String, form: String, id: String? = nil, fields: FieldInput, schemaless: Bool = false) throws -> Change {
        try LocalWriteRules.checkFormName(form)
        let id = try newRecordID(id)
        return try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let definition = try definitionForNewRecords(form, schemaless: schemaless, tables: tables)
            return try insertRecord(id, form: form, fields: fields, definition: definition, tables: tables)
        }
    }

    /// Creates many records of one form in one transaction: all of them, or, on the first bad
    /// one, none. Each is one ordinary local change, as ``addRecord(survey:form:id:fields:schemaless:)``
    /// writes it.
    ///
    /// - Parameters:
    ///   - records: each record's ID (a new UUIDv7 when nil) and fields.
    ///   - schemaless: allows a form the survey does not define although it defines others.
    /// - Returns: the changes written, in order.
    @discardableResult
    public func addRecords(survey: String, form: String, _ records: [(id: String?, fields: FieldInput)], schemaless: Bool = false) throws -> [Change] {
        try LocalWriteRules.checkFormName(form)
        let ids = try records.map { try newRecordID($0.id) }
        return try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let definition = try definitionForNewRecords(form, schemaless: schemaless, tables: tables)
            var writer = try LocalWriter(replica: self, tables: tables)
            let changes = try zip(ids, records).map { id, record in
                try insertRecord(id, form: form, fields: record.fields, definition: definition, writer: &writer)
            }
            try writer.finish()
            return changes
        }
    }

    /// The definition new records of `form` are checked by, inside the caller's transaction (see
    /// ``LocalWriteRules/definitionForNewRecords(_:schemaless:forms:survey:)``).
    func definitionForNewRecords(_ form: String, schemaless: Bool, tables: ReplicaTables) throws -> FormDefinition? {
        if let definition = try tables.form(form) { return definition }
        return try LocalWriteRules.definitionForNewRecords(form, schemaless: schemaless, forms: try tables.forms(), survey: tables.survey)
    }

    /// The ID for a new record: `id` once checked, or a new UUIDv7 when it is nil.
    func newRecordID(_ id: String?) throws -> String {
        try LocalWriteRules.newRecordID(id, milliseconds: wallClock())
    }

    /// Checks, inside the caller's transaction, that no record `id` exists in the survey, and
    /// returns `fields` typed and checked by `definition` (schemaless when nil) for a new record.
    func checkNewRecord(_ id: String, fields: FieldInput, definition: FormDefinition?, tables: ReplicaTables) throws -> [String: FieldValue] {
        guard try !tables.recordExists(id) else {
            throw StoreError(.duplicateRecord, "record \(id) already exists in survey \(tables.survey)")
        }
        return try fields.resolved(by: definition, isNew: true, today: today)
    }

    /// Creates record `id` inside the caller's transaction, as one ordinary local change (counter,
    /// HLC, log entry). `definition` is the survey's definition of `form`, if any; the caller has
    /// checked the survey, the form name and the ID.
    func insertRecord(_ id: String, form: String, fields: FieldInput, definition: FormDefinition?, tables: ReplicaTables) throws -> Change {
        var writer = try LocalWriter(replica: self, tables: tables)
        let change = try insertRecord(id, form: form, fields: fields, definition: definition, writer: &writer)
        try writer.finish()
        return change
    }

    /// ``insertRecord(_:form:fields:definition:tables:)`` as one of many writes of `writer`.
    func insertRecord(_ id: String, form: String, fields: FieldInput, definition: FormDefinition?, writer: inout LocalWriter) throws -> Change {
        let values = try checkNewRecord(id, fields: fields, definition: definition, tables: writer.tables)
        return try writer.write(.assign(values), record: RecordState(id: id, form: form), form: form)
    }

    /// Sets fields of an existing, not deleted record.
    @discardableResult
    public func setFields(survey: String, record id: String, fields: FieldInput) throws -> Change {
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            let state = try existingRecord(id, tables: tables)
            let operation = try LocalWriteRules.edit(fields, of: state, form: try tables.form(state.form),
                                                     edited: try editedReview(of: state, db: db), today: today)
            return try writeLocal(operation, record: state, form: state.form, tables: tables)
        }
    }

    /// Deletes a record: removes every entry this replica holds and marks it deleted.
    @discardableResult
    public func deleteRecord(survey: String, record id: String) throws -> Change {
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            let state = try existingRecord(id, tables: tables)
            return try writeLocal(try LocalWriteRules.deletion(of: state), record: state, form: state.form, tables: tables)
        }
    }

    /// Resolves conflicts in a record with an ordinary write whose context covers every entry.
    ///
    /// - `.fields(input)`: sets each field, which must be in conflict, to the given value.
    /// - `.restore`: for a deleted record, writes `_deleted = false`, keeping the surviving values.
    /// - `.delete`: deletes the record again, removing every surviving value.
    @discardableResult
    public func resolve(survey: String, record id: String, resolution: Resolution) throws -> Change {
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            let state = try existingRecord(id, tables: tables)
            let operation = try LocalWriteRules.resolution(resolution, of: state, form: try tables.form(state.form), today: today)
            return try writeLocal(operation, record: state, form: state.form, tables: tables)
        }
    }

    /// How ``resolve(survey:record:resolution:)`` settles a record's conflicts.
    public enum Resolution: Sendable {
        case fields(FieldInput)
        case restore
        case delete
    }

    private func existingRecord(_ id: String, tables: ReplicaTables) throws -> RecordState {
        try tables.requireSurvey()
        return try LocalWriteRules.existing(try tables.loadRecord(id), id: id, survey: tables.survey)
    }

    /// Writes a local change, the only one of its transaction: the next counter and HLC, the
    /// record's full context, all read inside this transaction.
    func writeLocal(_ operation: Change.Operation, record: RecordState, form: String, tables: ReplicaTables) throws -> Change {
        var writer = try LocalWriter(replica: self, tables: tables)
        let change = try writer.write(operation, record: record, form: form)
        try writer.finish()
        return change
    }
}
