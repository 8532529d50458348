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
        try Replica.checkFormName(form)
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
        try Replica.checkFormName(form)
        let ids = try records.map { try newRecordID($0.id) }
        return try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let definition = try definitionForNewRecords(form, schemaless: schemaless, tables: tables)
            return try zip(ids, records).map { id, record in
                try insertRecord(id, form: form, fields: record.fields, definition: definition, tables: tables)
            }
        }
    }

    /// Refuses a form name that is not 1 to 64 letters, digits, `_` or `-`.
    static func checkFormName(_ form: String) throws {
        guard FormDefinition.isValidName(form) else {
            throw StoreError(.invalidInput, "form name \"\(form)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
        }
    }

    /// The definition new records of `form` are checked by, inside the caller's transaction: the
    /// survey's definition of `form`; nil (schemaless) when the survey defines no form at all, or
    /// when `schemaless` allows a form it does not define. See decision 0010.
    func definitionForNewRecords(_ form: String, schemaless: Bool, tables: ReplicaTables) throws -> FormDefinition? {
        if let definition = try tables.form(form) { return definition }
        let defined = try tables.forms().keys.sorted()
        guard schemaless || defined.isEmpty else {
            throw StoreError(.unknownForm, "survey \(tables.survey) has no form \"\(form)\"; its forms are \(defined.joined(separator: ", "))")
        }
        return nil
    }

    /// The ID for a new record: `id` once checked, or a new UUIDv7 when it is nil.
    func newRecordID(_ id: String?) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let id = id ?? RecordID.uuidV7(milliseconds: wallClock(), using: &generator)
        guard RecordID.isValid(id) else {
            throw StoreError(.invalidInput, "record ID \"\(id)\" must be 1 to 128 printable characters without spaces")
        }
        return id
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
        let values = try checkNewRecord(id, fields: fields, definition: definition, tables: tables)
        return try writeLocal(.assign(values), record: RecordState(id: id, form: form), form: form, tables: tables)
    }

    /// Sets fields of an existing, not deleted record.
    @discardableResult
    public func setFields(survey: String, record id: String, fields: FieldInput) throws -> Change {
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            let state = try existingRecord(id, tables: tables)
            guard !state.isDeleted else {
                throw StoreError(.recordDeleted, "record \(id) is deleted; restore it to edit it")
            }
            guard !fields.fieldNames.isEmpty else { throw StoreError(.invalidInput, "give at least one FIELD=VALUE") }
            var values = try fields.resolved(by: try tables.form(state.form), isNew: false, record: { state.displayValues }, today: today)
            if let edited = try editedReview(of: state, db: db) { values[FieldName.review] = edited.value }
            return try writeLocal(.assign(values), record: state, form: state.form, tables: tables)
        }
    }

    /// Deletes a record: removes every entry this replica holds and marks it deleted.
    @discardableResult
    public func deleteRecord(survey: String, record id: String) throws -> Change {
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            let state = try existingRecord(id, tables: tables)
            guard !state.isDeleted || state.hasConflicts else {
                throw StoreError(.invalidInput, "record \(id) is deleted already")
            }
            return try writeLocal(.delete, record: state, form: state.form, tables: tables)
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
            switch resolution {
            case .fields(let input):
                guard !state.isDeleted else {
                    throw StoreError(.recordDeleted, "record \(id) is deleted; resolve it by restoring or deleting it")
                }
                let form = try tables.form(state.form)
                let conflicted = Set(state.conflicts(presentedBy: form).compactMap(\.field))
                guard !input.fieldNames.isEmpty else { throw StoreError(.invalidInput, "give at least one FIELD=VALUE") }
                if let field = input.fieldNames.sorted().first(where: { !conflicted.contains($0) }) {
                    throw StoreError(.notInConflict, "field \(field) of record \(id) is not in conflict; set it as any field")
                }
                let values = try input.resolved(by: form, isNew: false, record: { state.displayValues }, today: today)
                return try writeLocal(.assign(values), record: state, form: state.form, tables: tables)
            case .restore:
                guard state.fields[FieldName.deleted] != nil, state.isDeleted || state.fields[FieldName.deleted]!.count > 1 else {
                    throw StoreError(.invalidInput, "record \(id) is not deleted")
                }
                return try writeLocal(.assign([FieldName.deleted: .bool(false)]), record: state, form: state.form, tables: tables)
            case .delete:
                return try writeLocal(.delete, record: state, form: state.form, tables: tables)
            }
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
        guard let state = try tables.loadRecord(id) else {
            throw StoreError(.unknownRecord, "no record \(id) in survey \(tables.survey)")
        }
        return state
    }

    /// Writes a local change: the next counter and HLC, the record's full context, all read inside
    /// this transaction.
    func writeLocal(_ operation: Change.Operation, record: RecordState, form: String, tables: ReplicaTables) throws -> Change {
        if case .assign(let values) = operation, let reason = Change.invalidAssignment(values) {
            throw StoreError(.invalidInput, values.isEmpty ? "record \(record.id) needs at least one field with a value" : reason)
        }
        var clock = try tables.clock(maxAhead: maxClockAhead)
        let counter = try tables.counter(of: node.id) + 1
        let change = Change(
            dot: Dot(origin: node.id, counter: counter), hlc: clock.send(now: wallClock()),
            record: record.id, form: form, context: record.context, operation: operation)
        var state = record
        try tables.merge(change, into: &state)
        try tables.saveClock(clock)
        return change
    }
}
