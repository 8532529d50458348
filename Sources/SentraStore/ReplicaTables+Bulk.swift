import GRDB
import SentraCore

extension ReplicaTables {
    /// Which records ``loadRecords(_:)`` reads.
    enum RecordFilter {
        case all
        case form(String)
        case conflicted
        /// Live records whose entries may hold a review: a text match on the entries' JSON, which
        /// the caller confirms by reading the review. A row's base never holds a review (``RecordRow``).
        case mayHaveReview
        /// Up to `limit` records, deleted or not, whose IDs sort after `id`: one page of a long read.
        case after(String, limit: Int)
    }

    /// Loads many records with one query, in record ID order.
    func loadRecords(_ filter: RecordFilter) throws -> [RecordState] {
        var table = Self.recordTable(), condition = "", limit = ""
        var arguments: StatementArguments = [survey]
        switch filter {
        case .all: break
        case .form(let form):
            condition = " AND r.form = ?"
            arguments += [form]
        case .conflicted:
            // The partial index holds the conflicted records only: a few, where the survey has thousands.
            table = Self.recordTable("record r INDEXED BY record_conflicted")
            condition = " AND r.conflicted = 1"
        case .mayHaveReview:
            condition = " AND r.deleted = 0 AND r.entries LIKE '%\"_review\":%'"
        case .after(let id, let count):
            condition = " AND r.id > ?"
            limit = " LIMIT ?"
            arguments += [id, count]
        }
        let rows = try Row.fetchCursor(db, sql: "\(Self.recordColumns) FROM \(table) WHERE r.survey = ?\(condition) ORDER BY r.id\(limit)",
                                       arguments: arguments)
        var records: [RecordState] = []
        while let row = try rows.next() {
            records.append(try Self.record(from: row))
        }
        return records
    }
}
