import Foundation
import PostgresNIO
public import SentraCore
public import SentraStore

/// The node's own writes on PostgreSQL: the office's records, resolutions and reviews. The rules
/// are the SQLite replica's (``LocalWriteRules``); here each write takes the survey's log lock,
/// as a push does, so it gets the next counter, the next log position and the record as it is.
///
/// A PostgreSQL node is a central office node: it may review, and an edit here carries no
/// `edited` review (decision 0019).
extension PostgresStore {
    public func addRecord(survey: String, form: String, id: String?, fields: FieldInput, schemaless: Bool) async throws -> Change {
        try LocalWriteRules.checkFormName(form)
        let id = try LocalWriteRules.newRecordID(id, milliseconds: Self.now())
        return try await writeLocal(survey: survey, record: id) { state, forms in
            guard state == nil else { throw StoreError(.duplicateRecord, "record \(id) already exists in survey \(survey)") }
            let definition = try LocalWriteRules.definitionForNewRecords(form, schemaless: schemaless, forms: forms, survey: survey)
            let values = try fields.resolved(by: definition, isNew: true, today: Self.today)
            return (RecordState(id: id, form: form), .assign(values))
        }
    }

    public func setFields(survey: String, record id: String, fields: FieldInput) async throws -> Change {
        try await writeLocal(survey: survey, record: id) { state, forms in
            let state = try LocalWriteRules.existing(state, id: id, survey: survey)
            return (state, try LocalWriteRules.edit(fields, of: state, form: forms[state.form], edited: nil, today: Self.today))
        }
    }

    public func deleteRecord(survey: String, record id: String) async throws -> Change {
        try await writeLocal(survey: survey, record: id) { state, _ in
            let state = try LocalWriteRules.existing(state, id: id, survey: survey)
            return (state, try LocalWriteRules.deletion(of: state))
        }
    }

    public func resolve(survey: String, record id: String, resolution: Replica.Resolution) async throws -> Change {
        try await writeLocal(survey: survey, record: id) { state, forms in
            let state = try LocalWriteRules.existing(state, id: id, survey: survey)
            return (state, try LocalWriteRules.resolution(resolution, of: state, form: forms[state.form], today: Self.today))
        }
    }

    public func setReview(survey: String, record id: String, review: Review) async throws -> Change {
        try await writeLocal(survey: survey, record: id) { state, _ in
            let state = try LocalWriteRules.existing(state, id: id, survey: survey)
            return (state, try LocalWriteRules.review(review, of: state))
        }
    }

    /// Writes one local change to record `id` in one transaction holding the survey's log lock.
    /// `operation` gets the record as it is (nil when it has none) and the survey's forms, and
    /// returns the record to write over and what to write, or throws to write nothing.
    func writeLocal(survey: String, record id: String,
                    operation: @escaping @Sendable (RecordState?, [String: FormDefinition]) throws -> (RecordState, Change.Operation)) async throws -> Change {
        let logger = logger
        let node = node
        let maxClockAhead = maxClockAhead
        return try await Self.transaction(client, logger: logger) { connection in
            var log = try await LogAppend.begin(survey, on: connection, maxClockAhead: maxClockAhead, logger: logger)
            let (state, write) = try operation(try await log.records.record(id, on: connection, logger: logger), log.records.forms)
            try LocalWriteRules.checkAssignment(write, record: id)
            let change = Change(dot: Dot(origin: node.id, counter: log.versionVector[node.id] + 1), hlc: log.clock.send(now: Self.now()),
                                record: id, form: state.form, context: state.context, operation: write)
            try await log.append(change, on: connection, logger: logger)
            _ = try await log.finish(on: connection, logger: logger)
            return change
        }
    }

    /// The wall clock in milliseconds.
    static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }

    /// The local date for a form's `today()`.
    @Sendable static func today() -> String {
        LocalWriteRules.localDate(milliseconds: now())
    }
}
