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
    /// The records a change was applied to: the ones ``save(on:logger:)`` writes.
    private var changed: Set<String> = []
    private var conflictsBefore: [String: Set<String?>] = [:]
    /// Records known to have no row yet.
    private var absent: Set<String> = []

    init(survey: String, forms: [String: FormDefinition]) {
        self.survey = survey
        self.forms = forms
    }

    /// The record as this transaction holds it now, loaded on first use; nil when no change to it
    /// was ever applied.
    mutating func record(_ id: String, on connection: PostgresConnection, logger: Logger) async throws -> RecordState? {
        if let held = records[id] { return held }
        guard !absent.contains(id), let loaded = try await PostgresStore.loadRecords(.one(id), survey: survey, on: connection, logger: logger).first else { return nil }
        remember(loaded)
        return loaded
    }

    /// Loads the records `ids` names that this transaction does not hold yet, in one query.
    mutating func preload(_ ids: Set<String>, on connection: PostgresConnection, logger: Logger) async throws {
        let missing = ids.filter { records[$0] == nil }
        guard !missing.isEmpty else { return }
        for state in try await PostgresStore.loadRecords(.some(Array(missing)), survey: survey, on: connection, logger: logger) {
            remember(state)
        }
        absent.formUnion(missing.filter { records[$0] == nil })
    }

    /// Merges `change` into its record.
    mutating func apply(_ change: Change, on connection: PostgresConnection, logger: Logger) async throws {
        var state = try await record(change.record, on: connection, logger: logger) ?? RecordState(id: change.record)
        if conflictsBefore[change.record] == nil { remember(state) }
        state.apply(change)
        records[change.record] = state
        changed.insert(change.record)
    }

    /// Writes every changed record and returns how many conflicts the transaction made.
    func save(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let states = changed.sorted().map { records[$0]! }
        try await PostgresStore.saveRecords(states, survey: survey, on: connection, logger: logger)
        return states.reduce(0) { made, state in made + conflicts(of: state).subtracting(conflictsBefore[state.id] ?? []).count }
    }

    private mutating func remember(_ state: RecordState) {
        records[state.id] = state
        conflictsBefore[state.id] = conflicts(of: state)
    }

    private func conflicts(of state: RecordState) -> Set<String?> {
        Set(state.conflicts(presentedBy: forms[state.form]).map(\.field))
    }
}
