import Foundation
import SentraCore

/// The bench's records as a CSV file that `sentra record import` reads: a header of `id` and the
/// long form's fields that can be set (not its note or its calculation), a row per record.
///
/// Cells follow `sentra export --format csv` (`Replica.export`): strings as they are, numbers as
/// JSON numbers, the choices of a multichoice joined with `;`, a location as `LAT,LON`, empty for an
/// absent value; RFC 4180 quoting and CRLF. One exception: an empty list of choices is `[]`, where
/// an export writes an empty cell that imports as no value. P1c checks that every record imports
/// with exactly the values the other rows write.
struct BenchCSV {
    static let columns = ["id"] + BenchRecords.form.fields.filter { $0.type != .note && $0.type != .calculate }.map(\.name)

    private let handle: FileHandle
    /// The bytes written so far.
    private(set) var bytes = 0

    /// A new file at `path`, holding the header.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot write \(path)")
        }
        self.handle = handle
        try write(Self.line(Self.columns))
    }

    /// Appends a row for each record.
    mutating func append(_ records: some Sequence<BenchRecords.Record>) throws {
        var text = ""
        for record in records {
            text += Self.line([record.id] + Self.columns.dropFirst().map { Self.cell(record.fields[$0]) })
        }
        try write(text)
    }

    func close() throws { try handle.close() }

    private mutating func write(_ text: String) throws {
        let data = Data(text.utf8)
        try handle.write(contentsOf: data)
        bytes += data.count
    }

    /// One CSV line: each field quoted when it holds a comma, a quote, CR or LF or starts or ends with
    /// white space, its quotes doubled.
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            let special = field.utf8.contains { [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains($0) }
            let padded = field.first?.isWhitespace == true || field.last?.isWhitespace == true
            guard special || padded else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    /// A value as an export's CSV cell.
    static func cell(_ value: FieldValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let text)?: return text
        case .bool(let flag)?: return flag ? "true" : "false"
        case .array(let items)? where items.isEmpty:
            // An export writes an empty cell, which an import reads as no value: `[]` keeps the empty list.
            return "[]"
        case .array(let items)?:
            let texts = items.compactMap(\.stringValue)
            return texts.count == items.count ? texts.joined(separator: ";") : value!.jsonText
        case .object(let object)?:
            if object.count == 2, let lat = object["lat"], let lon = object["lon"], lat.numberValue != nil, lon.numberValue != nil {
                return "\(lat.jsonText),\(lon.jsonText)"
            }
            return value!.jsonText
        case let value?: return value.jsonText
        }
    }
}
