import Foundation
import SentraCore

/// A file of records to import, read but not yet validated against the survey.
struct ImportFile {
    /// One record to create: the line it starts on, its ID if the file gives one, and its fields.
    struct Row {
        var line: Int
        var id: String?
        var fields: FieldInput
    }

    /// The CSV header's field columns (every column but the export columns `id`, `form`,
    /// `conflict` and `deleted`, so an export imports again); empty for NDJSON.
    var columns: [String] = []
    /// The line of the CSV header.
    var headerLine = 1
    var rows: [Row] = []

    /// Reads `data` in `format`.
    ///
    /// - Throws: ``StoreError`` `.invalidInput`, `"line N: …"`, when the file cannot be read.
    init(_ data: Data, format: ImportFormat) throws {
        switch format {
        case .csv: try readCSV(data)
        case .ndjson: try readNDJSON(data)
        }
    }

    private mutating func readCSV(_ data: Data) throws {
        var records = try CSVReader.rows(in: data)[...]
        guard let header = records.popFirst() else {
            throw StoreError(.invalidInput, "line 1: the file is empty; a CSV file starts with a header row of field names")
        }
        headerLine = header.line
        var seen = Set<String>()
        for (position, name) in header.fields.enumerated() {
            guard !name.isEmpty else {
                throw StoreError(.invalidInput, "line \(header.line): column \(position + 1) of the header has no name")
            }
            guard seen.insert(name).inserted else {
                throw StoreError(.invalidInput, "line \(header.line): column \"\(name)\" appears twice in the header")
            }
        }
        columns = header.fields.filter { !FieldName.exportColumns.contains($0) }
        let idColumn = header.fields.firstIndex(of: "id")
        for record in records {
            guard record.fields.count == header.fields.count else {
                throw StoreError(.invalidInput, "line \(record.line): \(record.fields.count) cells, but the header has \(header.fields.count) columns")
            }
            var texts: [String: String] = [:]
            for (position, cell) in record.fields.enumerated()
            where !FieldName.exportColumns.contains(header.fields[position]) && !cell.isEmpty {
                texts[header.fields[position]] = cell
            }
            let id = idColumn.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            rows.append(Row(line: record.line, id: id, fields: .text(texts)))
        }
    }

    private mutating func readNDJSON(_ data: Data) throws {
        var bytes = [UInt8](data)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let decoder = JSONDecoder()
        for (index, var text) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
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
            rows.append(Row(line: line, id: id, fields: .values(fields)))
        }
    }
}
