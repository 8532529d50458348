import PostgresNIO
import SentraCore

/// The records one transaction changes: each loaded once, merged change by change with
/// ``RecordState/apply(_:)``, and written back once at the end, counting the conflicts the
/// transaction made.
struct RecordBatch {
    let survey: String
    /// The survey's forms, which present conflicts (a field's policy may hide one).
    let forms: [String: FormDefinition]
    private(set) var records: [String: RecordState] = [:]
    private var conflictsBefore: [String: Set<String?>] = [:]

    init(survey: String, forms: [String: FormDefinition]) {
        self.survey = survey
        self.forms = forms
    }

    /// The record as this transaction holds it now, loaded on first use; nil when no change to it
    /// was ever applied.
    mutating func record(_ id: String, on connection: PostgresConnection, logger: Logger) async throws -> RecordState? {
        if let held = records[id] { return held }
        guard let loaded = try await PostgresStore.loadRecords(.one(id), survey: survey, on: connection, logger: logger).first else { return nil }
        remember(loaded)
        return loaded
    }

    /// Merges `change` into its record.
    mutating func apply(_ change: Change, on connection: PostgresConnection, logger: Logger) async throws {
        var state = try await record(change.record, on: connection, logger: logger) ?? RecordState(id: change.record)
        if conflictsBefore[change.record] == nil { remember(state) }
        state.apply(change)
        records[change.record] = state
    }

    /// Writes every changed record and returns how many conflicts the transaction made.
    func save(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var made = 0
        for id in records.keys.sorted() {
            let state = records[id]!
            try await PostgresStore.saveRecord(state, survey: survey, on: connection, logger: logger)
            made += conflicts(of: state).subtracting(conflictsBefore[id] ?? []).count
        }
        return made
    }

    private mutating func remember(_ state: RecordState) {
        records[state.id] = state
        conflictsBefore[state.id] = conflicts(of: state)
    }

    private func conflicts(of state: RecordState) -> Set<String?> {
        Set(state.conflicts(presentedBy: forms[state.form]).map(\.field))
    }
}
