import Foundation
import PostgresNIO
import SentraCore
import SentraStore

/// Records as the `record` table holds them: one row per record with its merged state, in the
/// columns the SQLite replica uses (decision 0008), written in the same transaction as the
/// changes that made it.
extension PostgresStore {
    /// Which records ``loadRecords(_:survey:on:logger:)`` reads.
    enum RecordFilter {
        case all
        case form(String)
        case conflicted
        /// Live records whose entries may hold a review: a text match that the caller confirms.
        case mayHaveReview
        /// Up to `limit` records, deleted or not, whose IDs sort after `id`.
        case after(String, limit: Int)
        case one(String)
        /// The records with these IDs, those that exist.
        case some([String])
    }

    /// The records `filter` selects, in record ID order.
    static func loadRecords(_ filter: RecordFilter, survey: String, on connection: PostgresConnection, logger: Logger) async throws -> [RecordState] {
        let select = "SELECT id, form, form_hlc, form_origin, form_counter, context, entries FROM record WHERE survey = "
        let query: PostgresQuery = switch filter {
        case .all: "\(unescaped: select)\(survey) ORDER BY id"
        case .form(let form): "\(unescaped: select)\(survey) AND form = \(form) ORDER BY id"
        case .conflicted: "\(unescaped: select)\(survey) AND conflicted ORDER BY id"
        case .mayHaveReview: "\(unescaped: select)\(survey) AND NOT deleted AND entries LIKE '%\"_review\":%' ORDER BY id"
        case .after(let id, let limit): "\(unescaped: select)\(survey) AND id > \(id) ORDER BY id LIMIT \(max(1, limit))"
        case .one(let id): "\(unescaped: select)\(survey) AND id = \(id)"
        case .some(let ids): "\(unescaped: select)\(survey) AND id = ANY(\(ids)::text[])"
        }
        var records: [RecordState] = []
        let rows = try await connection.query(query, logger: logger).decode((String, String, Int64, String, Int64, String, String).self)
        for try await (id, form, hlc, origin, counter, context, entries) in rows {
            records.append(try RecordEntries.record(id: id, form: form, formHLC: hlc, formOrigin: origin, formCounter: counter,
                                                    context: context, entries: entries))
        }
        return records
    }

    /// Writes records' rows as they now are, in one statement.
    static func saveRecords(_ states: [RecordState], survey: String, on connection: PostgresConnection, logger: Logger) async throws {
        let states = states.filter { $0.formStamp != nil }
        guard !states.isEmpty else { return }
        let stamps = states.map { $0.formStamp! }
        try await connection.query("""
            INSERT INTO record (survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted, entries)
            SELECT \(survey), * FROM unnest(\(states.map(\.id))::text[], \(states.map(\.form))::text[], \(stamps.map(\.hlc.rawValue))::bigint[],
                \(stamps.map(\.dot.origin.rawValue))::text[], \(stamps.map { Int64($0.dot.counter) })::bigint[],
                \(states.map { RecordEntries.contextJSON($0.context) })::text[], \(states.map(\.isDeleted))::boolean[],
                \(states.map(\.hasConflicts))::boolean[], \(states.map { RecordEntries.json($0.fields) })::text[])
            ON CONFLICT (survey, id) DO UPDATE SET form = EXCLUDED.form, form_hlc = EXCLUDED.form_hlc, form_origin = EXCLUDED.form_origin,
                form_counter = EXCLUDED.form_counter, context = EXCLUDED.context, deleted = EXCLUDED.deleted,
                conflicted = EXCLUDED.conflicted, entries = EXCLUDED.entries
            """, logger: logger)
    }

    /// Appends changes to the survey's log at the positions given, in one statement.
    static func appendToLog(_ entries: [(position: Int64, change: Change)], survey: String, on connection: PostgresConnection,
                            logger: Logger) async throws {
        guard !entries.isEmpty else { return }
        let changes = entries.map(\.change)
        try await connection.query("""
            INSERT INTO change_log (survey, seq, origin, counter, record, hlc, body)
            SELECT \(survey), * FROM unnest(\(entries.map(\.position))::bigint[], \(changes.map(\.dot.origin.rawValue))::text[],
                \(changes.map { Int64($0.dot.counter) })::bigint[], \(changes.map(\.record))::text[], \(changes.map(\.hlc.rawValue))::bigint[],
                \(changes.map(\.canonicalJSON))::text[])
            """, logger: logger)
    }

    /// The survey's form definitions, by name.
    static func definitions(_ survey: String, on connection: PostgresConnection, logger: Logger) async throws -> [String: FormDefinition] {
        try await publishedForms(survey, on: connection, logger: logger).mapValues(\.form)
    }

    /// Every node's name this node knows, its own included.
    static func names(self node: NodeInfo, on connection: PostgresConnection, logger: Logger) async throws -> [NodeID: String] {
        Dictionary(try await knownNodes(self: node, on: connection, logger: logger).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
