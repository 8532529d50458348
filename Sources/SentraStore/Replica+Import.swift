public import Foundation
import SentraCore
import GRDB

extension Replica {
    /// Imports rows as new records of `form`.
    ///
    /// Every row is checked before anything is written: its record ID (valid, not twice in the
    /// file, not already in the survey) and its fields (known to the form, of the right type, one
    /// of the choices, required ones present). One bad row and the import is refused with
    /// `"line N: …"` naming the field, and nothing at all is written.
    ///
    /// The rows are then written in transactions of `batchSize` rows, each row one ordinary local
    /// change, exactly as ``addRecord(survey:form:id:fields:schemaless:)`` writes it. The first transaction
    /// also holds the checks, so an import of at most `batchSize` rows is all or nothing. Should
    /// a later transaction fail (a full disk), the rows already written stay, and the error says
    /// how many they are.
    ///
    /// - Parameters:
    ///   - data: CSV with a header row, or NDJSON; see ``ImportFormat``.
    ///   - form: the form of every new record; validated by its definition when the survey has one.
    ///   - schemaless: allows a form the survey does not define although it defines others, as
    ///     ``addRecord(survey:form:id:fields:schemaless:)`` does.
    /// - Throws: ``StoreError`` `.invalidInput` for a bad file or row, `.unknownForm`, `.unknownSurvey`, `.storage`.
    public func importRecords(_ data: Data, format: ImportFormat, survey: String, form: String, schemaless: Bool = false,
                              batchSize: Int = 1_000) throws -> ImportResult {
        try LocalWriteRules.checkFormName(form)
        guard batchSize >= 1 else {
            throw StoreError(.invalidInput, "the batch size must be at least 1, not \(batchSize)")
        }
        let file = try ImportFile(data, format: format)
        var rows: [ImportFile.Row] = []
        var definition: FormDefinition?
        var result = ImportResult()
        repeat {
            let start = result.imported
            do {
                let written = try write { db in
                    let tables = ReplicaTables(db: db, survey: survey)
                    if start == 0 {
                        try tables.requireSurvey()
                        definition = try definitionForNewRecords(form, schemaless: schemaless, tables: tables)
                        rows = try checkImport(file, form: form, definition: definition, tables: tables)
                    }
                    let batch = rows[start..<min(start + batchSize, rows.count)]
                    for row in batch {
                        try atLine(row.line) {
                            _ = try insertRecord(row.id!, form: form, fields: row.fields, definition: definition, tables: tables)
                        }
                    }
                    return batch.count
                }
                guard written > 0 else { break }
                result.imported += written
                result.transactions += 1
            } catch let error as StoreError where start > 0 {
                throw StoreError(error.code, "\(error.message); the first \(start) rows, to line \(rows[start - 1].line), were imported in \(result.transactions) transactions and stay; the rest were not imported",
                                 underlying: error)
            }
        } while result.imported < rows.count
        return result
    }

    /// Checks every row of `file` and returns them, each with its record ID.
    private func checkImport(_ file: ImportFile, form: String, definition: FormDefinition?, tables: ReplicaTables) throws -> [ImportFile.Row] {
        for column in file.columns {
            if !FieldName.isValidUserField(column) {
                throw StoreError(.invalidInput, "line \(file.headerLine): column \"\(column)\" is not a field name: 1 to 64 letters, digits, \"_\" or \"-\", not starting with \"_\"")
            }
            if let definition, definition.field(column) == nil {
                throw StoreError(.invalidInput, "line \(file.headerLine): column \"\(column)\" is not a field of form \(form)")
            }
        }
        var firstLine: [String: Int] = [:]
        return try file.rows.map { row in
            var row = row
            try atLine(row.line) {
                let id = try newRecordID(row.id)
                if let first = firstLine.updateValue(row.line, forKey: id) {
                    throw StoreError(.invalidInput, "record ID \"\(id)\" appears twice in the file, first on line \(first)")
                }
                _ = try checkNewRecord(id, fields: row.fields, definition: definition, tables: tables)
                row.id = id
            }
            return row
        }
    }

    /// Runs `body`, prefixing the message of a ``StoreError`` it throws with `line N: `.
    private func atLine(_ line: Int, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError where error.code == .invalidInput || error.code == .duplicateRecord {
            throw StoreError(.invalidInput, "line \(line): \(error.message)", underlying: error)
        }
    }
}
