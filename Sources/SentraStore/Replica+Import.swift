public import Foundation
import SentraCore
import GRDB

extension Replica {
    /// Imports the rows of a file as new records of `form`, reading the file in chunks: memory
    /// stays the same whatever the file's size.
    ///
    /// Every row is checked before anything is written: its record ID (valid, not twice in the
    /// file, not already in the survey) and its fields (known to the form, of the right type, one
    /// of the choices, required ones present). One bad row and the import is refused with
    /// `"line N: …"` naming the field (the first bad line of the file), and nothing at all is written.
    ///
    /// The rows are then written in transactions of `batchSize` rows, each row one ordinary local
    /// change, exactly as ``addRecord(survey:form:id:fields:schemaless:)`` writes it. The first
    /// transaction also holds the checks, so an import of at most `batchSize` rows is all or
    /// nothing, and its file is read once. A longer file is read twice: once to check every row,
    /// in the first transaction, and again to write the rows after the first batch. Should a later
    /// transaction fail (a full disk, or the file changed between the two readings), the rows
    /// already written stay, and the error says how many they are.
    ///
    /// ```swift
    /// let result = try replica.importRecords(contentsOf: URL(fileURLWithPath: "usaha.csv"), format: .csv,
    ///                                        survey: "ikm-konveksi-2024", form: "usaha")
    /// print(result.imported, result.transactions)
    /// ```
    ///
    /// - Parameters:
    ///   - url: a file of CSV with a header row, or NDJSON; see ``ImportFormat``. A file of more
    ///     than `batchSize` rows must be a regular file, not a pipe, since it is read twice.
    ///   - form: the form of every new record; validated by its definition when the survey has one.
    ///   - schemaless: allows a form the survey does not define although it defines others, as
    ///     ``addRecord(survey:form:id:fields:schemaless:)`` does.
    /// - Throws: ``StoreError`` `.invalidInput` for a bad file or row, or a file that cannot be
    ///   read, `.unknownForm`, `.unknownSurvey`, `.storage`.
    public func importRecords(contentsOf url: URL, format: ImportFormat, survey: String, form: String, schemaless: Bool = false,
                              batchSize: Int = 1_000) throws -> ImportResult {
        try importRecords(from: .file(url), format: format, survey: survey, form: form, schemaless: schemaless, batchSize: batchSize)
    }

    /// Imports rows held in memory as new records of `form`, as
    /// ``importRecords(contentsOf:format:survey:form:schemaless:batchSize:)`` imports a file.
    ///
    /// - Parameters:
    ///   - data: CSV with a header row, or NDJSON; see ``ImportFormat``.
    ///   - form: the form of every new record; validated by its definition when the survey has one.
    ///   - schemaless: allows a form the survey does not define although it defines others.
    /// - Throws: ``StoreError`` `.invalidInput` for a bad file or row, `.unknownForm`, `.unknownSurvey`, `.storage`.
    public func importRecords(_ data: Data, format: ImportFormat, survey: String, form: String, schemaless: Bool = false,
                              batchSize: Int = 1_000) throws -> ImportResult {
        try importRecords(from: .bytes(data), format: format, survey: survey, form: form, schemaless: schemaless, batchSize: batchSize)
    }

    /// Imports the rows of `source`, read in chunks of `chunkSize` bytes. `betweenReadings` runs
    /// after the first transaction of a file read twice, for tests to change the world there.
    func importRecords(from source: ImportSource, format: ImportFormat, survey: String, form: String, schemaless: Bool,
                       batchSize: Int, chunkSize: Int = ImportSource.chunkSize,
                       betweenReadings: () throws -> Void = {}) throws -> ImportResult {
        try LocalWriteRules.checkFormName(form)
        guard batchSize >= 1 else {
            throw StoreError(.invalidInput, "the batch size must be at least 1, not \(batchSize)")
        }
        let input = try source.open(chunkSize: chunkSize)
        var reader = try ImportReader(input, format: format)
        let checked = try write { db in
            try checkImport(&reader, input: input, form: form, schemaless: schemaless, batchSize: batchSize,
                            tables: ReplicaTables(db: db, survey: survey))
        }
        var result = ImportResult(imported: checked.written, transactions: checked.written > 0 ? 1 : 0)
        var lastLine = checked.lastLine
        guard result.imported < checked.rows else { return result }
        do {
            try betweenReadings()
            // The second reading: past the first batch, already written, to the last row checked.
            let again = try source.open(chunkSize: chunkSize)
            guard again.identity == input.identity else { throw Self.changed(again) }
            var reader = try ImportReader(again, format: format)
            for _ in 0..<checked.written { _ = try reader.next() }
            while result.imported < checked.rows {
                let count = min(batchSize, checked.rows - result.imported)
                let batch = try write { db in
                    try writeRows(&reader, count: count, form: form, definition: checked.definition,
                                  tables: ReplicaTables(db: db, survey: survey))
                }
                if batch.written > 0 {
                    result.imported += batch.written
                    result.transactions += 1
                    lastLine = batch.lastLine
                }
                // Fewer rows than the first reading found: the file was cut short meanwhile.
                guard batch.written == count else { throw Self.changed(again) }
            }
        } catch let error as StoreError {
            throw StoreError(error.code, "\(error.message); the first \(result.imported) rows, to line \(lastLine), were imported in \(result.transactions) transactions and stay; the rest were not imported",
                             underlying: error)
        }
        return result
    }

    /// What the first transaction of an import found and wrote.
    private struct CheckedImport {
        /// The definition the rows are checked by; nil when schemaless.
        var definition: FormDefinition?
        /// The file's rows, all checked.
        var rows: Int
        /// The rows written, the first batch.
        var written: Int
        /// The line of the last row written.
        var lastLine: Int
    }

    /// Checks every row `reader` reads, inside the first transaction, and writes the first
    /// `batchSize` rows, which it keeps typed while it checks the others.
    private func checkImport(_ reader: inout ImportReader, input: ByteChunks, form: String, schemaless: Bool, batchSize: Int,
                             tables: ReplicaTables) throws -> CheckedImport {
        try tables.requireSurvey()
        let definition = try definitionForNewRecords(form, schemaless: schemaless, tables: tables)
        for column in reader.columns {
            if !FieldName.isValidUserField(column) {
                throw StoreError(.invalidInput, "line \(reader.headerLine): column \"\(column)\" is not a field name: 1 to 64 letters, digits, \"_\" or \"-\", not starting with \"_\"")
            }
            if let definition, definition.field(column) == nil {
                throw StoreError(.invalidInput, "line \(reader.headerLine): column \"\(column)\" is not a field of form \(form)")
            }
        }
        var ids = ImportIDs(memoryLimit: batchSize)
        var firstBatch: [(line: Int, id: String, values: [String: FieldValue])] = []
        var rows = 0
        while let row = try reader.next() {
            rows += 1
            if rows == batchSize + 1, !input.isRereadable {
                throw StoreError(.invalidInput, "\(input.path ?? "the input") is not a regular file, and a file of more than \(batchSize) rows is read twice: save it to a file and import that")
            }
            try atLine(row.line) {
                let id = try newRecordID(row.id)
                if row.id != nil, let first = try ids.insert(id, line: row.line, db: tables.db) {
                    throw StoreError(.invalidInput, "record ID \"\(id)\" appears twice in the file, first on line \(first)")
                }
                let values = try checkNewRecord(id, fields: row.fields, definition: definition, tables: tables)
                if rows <= batchSize { firstBatch.append((row.line, id, values)) }
            }
        }
        try ids.drop(db: tables.db)
        if rows > batchSize, try !input.isUnchanged() { throw Self.changed(input) }
        var writer = try LocalWriter(replica: self, tables: tables)
        for row in firstBatch {
            try atLine(row.line) {
                _ = try writer.write(.assign(row.values), record: RecordState(id: row.id, form: form), form: form)
            }
        }
        try writer.finish()
        return CheckedImport(definition: definition, rows: rows, written: firstBatch.count, lastLine: firstBatch.last?.line ?? reader.headerLine)
    }

    /// Writes the next `count` rows `reader` reads, checked by the first transaction; fewer when
    /// the file ends first.
    private func writeRows(_ reader: inout ImportReader, count: Int, form: String, definition: FormDefinition?,
                           tables: ReplicaTables) throws -> (written: Int, lastLine: Int) {
        var written = 0
        var lastLine = 0
        var writer = try LocalWriter(replica: self, tables: tables)
        while written < count, let row = try reader.next() {
            try atLine(row.line) {
                let id = try newRecordID(row.id)
                // An ID the file gives is looked up again: another writer may have created that
                // record since the first transaction. A new UUIDv7 is nobody's.
                let values: [String: FieldValue]
                if row.id == nil {
                    values = try row.fields.resolved(by: definition, isNew: true, today: today)
                } else {
                    values = try checkNewRecord(id, fields: row.fields, definition: definition, tables: tables)
                }
                _ = try writer.write(.assign(values), record: RecordState(id: id, form: form), form: form)
            }
            written += 1
            lastLine = row.line
        }
        try writer.finish()
        return (written, lastLine)
    }

    /// The error for a file that changed between its two readings.
    private static func changed(_ input: ByteChunks) -> StoreError {
        StoreError(.invalidInput, "\(input.path ?? "the input") changed while it was imported; import it again when nothing writes it")
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
