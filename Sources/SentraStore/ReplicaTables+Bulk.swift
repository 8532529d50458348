import GRDB
import SentraCore

extension ReplicaTables {
    /// Which records ``loadRecords(_:)`` reads.
    enum RecordFilter {
        case all
        case form(String)
        case conflicted
    }

    /// Loads many records with two queries, in record ID order.
    func loadRecords(_ filter: RecordFilter) throws -> [RecordState] {
        let condition: String
        var arguments: StatementArguments = [survey]
        switch filter {
        case .all: condition = ""
        case .form(let form):
            condition = " AND r.form = ?"
            arguments += [form]
        case .conflicted: condition = " AND r.conflicted = 1"
        }
        var fields: [String: [String: [FieldEntry]]] = [:]
        let entries = try Row.fetchCursor(db, sql: """
            SELECT e.record, e.field, e.origin, e.counter, e.hlc, e.value FROM entry e
            JOIN record r ON r.survey = e.survey AND r.id = e.record
            WHERE e.survey = ?\(condition)
            """, arguments: arguments)
        while let row = try entries.next() {
            fields[row["record"], default: [:]][row["field"], default: []].append(try Self.entry(from: row))
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT r.id, r.form, r.form_hlc, r.form_origin, r.form_counter, r.context FROM record r
            WHERE r.survey = ?\(condition) ORDER BY r.id
            """, arguments: arguments)
        var records: [RecordState] = []
        while let row = try rows.next() {
            let id: String = row["id"]
            records.append(try Self.record(from: row, fields: fields[id] ?? [:]))
        }
        return records
    }
}
