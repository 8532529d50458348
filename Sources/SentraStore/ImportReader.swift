import Foundation
import SentraCore

/// Reads the rows of a file of records to import, one at a time, not yet validated against the
/// survey: a file of any size is read in the memory of one chunk and one row.
struct ImportReader {
    /// One record to create: the line it starts on, its ID if the file gives one, and its fields.
    struct Row {
        var line: Int
        var id: String?
        var fields: FieldInput
    }

    /// The CSV header's field columns (every column but the export columns `id`, `form`,
    /// `conflict` and `deleted`, so an export imports again); empty for NDJSON.
    private(set) var columns: [String] = []
    /// The line of the CSV header.
    private(set) var headerLine = 1
    /// The reader of a CSV file, and its header; nil for NDJSON.
    private var csv: CSVReader?
    private var header: [String] = []
    /// The positions of the header's field columns, in order.
    private var fieldColumns: [Int] = []
    private var idColumn: Int?
    /// The reader of an NDJSON file; nil for CSV.
    private var lines: LineReader?
    private let decoder = JSONDecoder()

    /// Starts reading `input` in `format`; for CSV, reads and checks the header row.
    ///
    /// - Throws: ``StoreError`` `.invalidInput`, `"line N: …"`, when the header cannot be read.
    init(_ input: ByteChunks, format: ImportFormat) throws {
        switch format {
        case .ndjson:
            lines = LineReader(input)
        case .csv:
            var reader = CSVReader(input)
            guard let header = try reader.next() else {
                throw StoreError(.invalidInput, "line 1: the file is empty; a CSV file starts with a header row of field names")
            }
            var seen = Set<String>()
            for (position, name) in header.fields.enumerated() {
                guard !name.isEmpty else {
                    throw StoreError(.invalidInput, "line \(header.line): column \(position + 1) of the header has no name")
                }
                guard seen.insert(name).inserted else {
                    throw StoreError(.invalidInput, "line \(header.line): column \"\(name)\" appears twice in the header")
                }
            }
            headerLine = header.line
            columns = header.fields.filter { !FieldName.exportColumns.contains($0) }
            self.header = header.fields
            fieldColumns = header.fields.indices.filter { !FieldName.exportColumns.contains(header.fields[$0]) }
            idColumn = header.fields.firstIndex(of: "id")
            csv = reader
        }
    }

    /// The next row, or nil after the last one.
    ///
    /// - Throws: ``StoreError`` `.invalidInput`, `"line N: …"`, when the row cannot be read.
    mutating func next() throws -> Row? {
        if csv != nil { return try nextCSV() }
        return try nextNDJSON()
    }

    private mutating func nextCSV() throws -> Row? {
        guard let record = try csv?.next() else { return nil }
        guard record.fields.count == header.count else {
            throw StoreError(.invalidInput, "line \(record.line): \(record.fields.count) cells, but the header has \(header.count) columns")
        }
        var texts = [String: String](minimumCapacity: fieldColumns.count)
        for position in fieldColumns where !record.fields[position].isEmpty {
            texts[header[position]] = record.fields[position]
        }
        let id = idColumn.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        return Row(line: record.line, id: id, fields: .text(texts))
    }

    private mutating func nextNDJSON() throws -> Row? {
        while let (line, text) = try lines?.next() {
            guard text.contains(where: { ![0x20, 0x09].contains($0) }) else { continue }
            let object: [String: FieldValue]
            do {
                object = try decoder.decode([String: FieldValue].self, from: Data(text))
            } catch {
                throw StoreError(.invalidInput, "line \(line): not a JSON object; NDJSON has one JSON object per line")
            }
            // A line of `sentra export --format ndjson` holds its values under "fields".
            var fields = object
            if case .object(let exported)? = object["fields"] {
                fields = exported
                fields["id"] = object["id"]
            }
            var id: String?
            switch fields.removeValue(forKey: "id") {
            case .string(let text)?: id = text
            case nil, .null?: id = nil
            case let other?: throw StoreError(.invalidInput, "line \(line): \"id\" must be a string, not \(other.typeName)")
            }
            return Row(line: line, id: id, fields: .values(fields))
        }
        return nil
    }
}
