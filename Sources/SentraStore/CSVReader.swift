import Foundation

/// Reads CSV text (RFC 4180) into rows of fields.
///
/// Fields may be quoted; a quoted field may hold commas, CR, LF and doubled quotes (`""`). Lines
/// end with CRLF, LF or a lone CR. A UTF-8 byte order mark at the start is skipped, and empty
/// lines are skipped. A quote inside an unquoted field is kept as it is; text after the closing
/// quote of a field, an unterminated quote, or bytes that are not UTF-8 are errors naming the line.
///
/// ```swift
/// let rows = try CSVReader.rows(in: Data("id,nama\r\nk1,\"Maju, Jaya\"\r\n".utf8))
/// rows[1] == CSVReader.Row(line: 2, fields: ["k1", "Maju, Jaya"])
/// ```
struct CSVReader {
    /// One record, with the line it starts on (from 1).
    struct Row: Hashable, Sendable {
        var line: Int
        var fields: [String]
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var rows: [Row] = []
    private var fields: [String] = []
    private var field: [UInt8] = []
    /// The line the current record starts on.
    private var recordLine = 1
    /// Whether the current field started with a quote.
    private var fieldQuoted = false
    /// Whether the reader is inside a quoted field, and the line its quote opened on.
    private var openQuoteLine: Int?
    /// Whether the current field's closing quote was read.
    private var quoteClosed = false

    private init(_ data: Data) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    /// Every record of `data`, in order.
    ///
    /// - Throws: ``StoreError`` `.invalidInput`, `"line N: …"`.
    static func rows(in data: Data) throws -> [Row] {
        var reader = CSVReader(data)
        return try reader.read()
    }

    private mutating func read() throws -> [Row] {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if openQuoteLine != nil {
                try readQuoted(byte)
                continue
            }
            switch byte {
            case Self.quote where field.isEmpty && !fieldQuoted:
                fieldQuoted = true
                openQuoteLine = line
            case Self.quote where !quoteClosed:
                field.append(byte)
            case Self.comma:
                try endField()
            case Self.cr, Self.lf:
                if byte == Self.cr, index < bytes.count, bytes[index] == Self.lf { index += 1 }
                try endRecord()
                line += 1
                recordLine = line
            default:
                guard !quoteClosed else {
                    throw StoreError(.invalidInput, "line \(line): text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")")
                }
                field.append(byte)
            }
        }
        if let openQuoteLine {
            throw StoreError(.invalidInput, "line \(openQuoteLine): a quoted field is never closed; a quote inside a quoted field is written twice (\"\")")
        }
        try endRecord()
        return rows
    }

    /// Reads one byte inside a quoted field.
    private mutating func readQuoted(_ byte: UInt8) throws {
        switch byte {
        case Self.quote:
            if index < bytes.count, bytes[index] == Self.quote {
                field.append(byte)
                index += 1
            } else {
                openQuoteLine = nil
                quoteClosed = true
            }
        case Self.lf:
            field.append(byte)
            line += 1
        case Self.cr:
            field.append(byte)
            if index < bytes.count, bytes[index] == Self.lf {
                field.append(Self.lf)
                index += 1
            }
            line += 1
        default:
            field.append(byte)
        }
    }

    private mutating func endField() throws {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw StoreError(.invalidInput, "line \(line): the text is not valid UTF-8; save the file as CSV UTF-8")
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        fieldQuoted = false
        quoteClosed = false
    }

    /// Ends the current record; an empty line gives no record.
    private mutating func endRecord() throws {
        if fields.isEmpty && field.isEmpty && !fieldQuoted { return }
        try endField()
        rows.append(Row(line: recordLine, fields: fields))
        fields.removeAll(keepingCapacity: true)
    }
}
