import Foundation

/// Reads CSV text (RFC 4180) into rows of fields, one row at a time, from a reading in chunks: a
/// file of any size is read in the memory of one chunk and one row.
///
/// Fields may be quoted; a quoted field may hold commas, CR, LF and doubled quotes (`""`). Lines
/// end with CRLF, LF or a lone CR. A UTF-8 byte order mark at the start is skipped, and empty
/// lines are skipped. A quote inside an unquoted field is kept as it is; text after the closing
/// quote of a field, an unterminated quote, or bytes that are not UTF-8 are errors naming the line.
/// Where the chunks end does not matter: inside a quoted field, between the CR and LF of a line
/// end, or inside a UTF-8 character.
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

    private let input: ByteChunks
    /// The bytes read and not yet consumed start at `index`.
    private var chunk: [UInt8] = []
    private var index = 0
    /// Whether the byte order mark was looked for.
    private var started = false
    /// Whether the end of the input was reached and its last record returned.
    private var finished = false
    private var line = 1
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

    /// A reader of the CSV text that `input` reads.
    init(_ input: ByteChunks) {
        self.input = input
    }

    /// Every record of `data`, in order.
    ///
    /// - Throws: ``StoreError`` `.invalidInput`, `"line N: …"`.
    static func rows(in data: Data) throws -> [Row] {
        var reader = CSVReader(try ImportSource.bytes(data).open())
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The next record, or nil after the last one.
    ///
    /// - Throws: ``StoreError`` `.invalidInput`, `"line N: …"`, or when the input cannot be read.
    mutating func next() throws -> Row? {
        if !started { try skipByteOrderMark() }
        while true {
            guard let byte = try nextByte() else { return try end() }
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
                if byte == Self.cr, try peekByte() == Self.lf { index += 1 }
                let row = try endRecord()
                line += 1
                recordLine = line
                if let row { return row }
            default:
                guard !quoteClosed else {
                    throw StoreError(.invalidInput, "line \(line): text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")")
                }
                field.append(byte)
                appendRun(upToComma: true)
            }
        }
    }

    /// The last record at the end of the input, once.
    private mutating func end() throws -> Row? {
        guard !finished else { return nil }
        finished = true
        if let openQuoteLine {
            throw StoreError(.invalidInput, "line \(openQuoteLine): a quoted field is never closed; a quote inside a quoted field is written twice (\"\")")
        }
        return try endRecord()
    }

    /// Reads one byte inside a quoted field.
    private mutating func readQuoted(_ byte: UInt8) throws {
        switch byte {
        case Self.quote:
            if try peekByte() == Self.quote {
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
            if try peekByte() == Self.lf {
                field.append(Self.lf)
                index += 1
            }
            line += 1
        default:
            field.append(byte)
            appendRun(upToComma: false)
        }
    }

    /// Appends the bytes of this chunk from `index` up to the next quote or line end (and comma,
    /// outside quotes): bytes that, one at a time, would each be appended to the field.
    @inline(__always)
    private mutating func appendRun(upToComma: Bool) {
        var end = index
        while end < chunk.count {
            let byte = chunk[end]
            if byte == Self.quote || byte == Self.cr || byte == Self.lf || (upToComma && byte == Self.comma) { break }
            end += 1
        }
        field.append(contentsOf: chunk[index..<end])
        index = end
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

    /// Ends the current record and returns it; an empty line gives no record.
    private mutating func endRecord() throws -> Row? {
        if fields.isEmpty && field.isEmpty && !fieldQuoted { return nil }
        try endField()
        defer { fields.removeAll(keepingCapacity: true) }
        return Row(line: recordLine, fields: fields)
    }

    // MARK: Bytes

    /// Skips a UTF-8 byte order mark at the start, whichever chunks its three bytes are in.
    private mutating func skipByteOrderMark() throws {
        started = true
        while chunk.count - index < 3, try input.read(appendingTo: &chunk) > 0 {}
        if chunk[index...].starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
    }

    /// The next byte, consumed; nil at the end of the input.
    @inline(__always)
    private mutating func nextByte() throws -> UInt8? {
        if index == chunk.count, try !refill() { return nil }
        defer { index += 1 }
        return chunk[index]
    }

    /// The next byte, not consumed; nil at the end of the input.
    @inline(__always)
    private mutating func peekByte() throws -> UInt8? {
        if index == chunk.count, try !refill() { return nil }
        return chunk[index]
    }

    /// Replaces the consumed chunk with the next one; false at the end of the input.
    private mutating func refill() throws -> Bool {
        chunk.removeAll(keepingCapacity: true)
        index = 0
        return try input.read(appendingTo: &chunk) > 0
    }
}
