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
        }
        var records: [RecordState] = []
        let rows = try await connection.query(query, logger: logger).decode((String, String, Int64, String, Int64, String, String).self)
        for try await (id, form, hlc, origin, counter, context, entries) in rows {
            records.append(try RecordEntries.record(id: id, form: form, formHLC: hlc, formOrigin: origin, formCounter: counter,
                                                    context: context, entries: entries))
        }
        return records
    }

    /// Writes a record's row as it now is.
    static func saveRecord(_ state: RecordState, survey: String, on connection: PostgresConnection, logger: Logger) async throws {
        guard let stamp = state.formStamp else { return }
        try await connection.query("""
            INSERT INTO record (survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted, entries)
            VALUES (\(survey), \(state.id), \(state.form), \(stamp.hlc.rawValue), \(stamp.dot.origin.rawValue), \(Int64(stamp.dot.counter)),
                    \(RecordEntries.contextJSON(state.context)), \(state.isDeleted), \(state.hasConflicts), \(RecordEntries.json(state.fields)))
            ON CONFLICT (survey, id) DO UPDATE SET form = EXCLUDED.form, form_hlc = EXCLUDED.form_hlc, form_origin = EXCLUDED.form_origin,
                form_counter = EXCLUDED.form_counter, context = EXCLUDED.context, deleted = EXCLUDED.deleted,
                conflicted = EXCLUDED.conflicted, entries = EXCLUDED.entries
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
