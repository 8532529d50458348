import Foundation

/// Writes CSV text (RFC 4180): CRLF line ends, no byte order mark, and a field quoted when it
/// holds a comma, a quote, CR or LF, or starts or ends with white space, its quotes doubled.
///
/// ```swift
/// var writer = CSVWriter()
/// writer.append(["id", "nama_usaha"])
/// writer.append(["k1", "Konveksi \"Maju\", Cibarusah"])
/// writer.text == "id,nama_usaha\r\nk1,\"Konveksi \"\"Maju\"\", Cibarusah\"\r\n"
/// ```
struct CSVWriter {
    /// The CSV written so far.
    private(set) var text = ""

    /// Appends one row.
    mutating func append(_ row: [String]) {
        var first = true
        for field in row {
            if !first { text.append(",") }
            first = false
            text.append(Self.escape(field))
        }
        text.append("\r\n")
    }

    /// The CSV text as UTF-8.
    var data: Data { Data(text.utf8) }

    /// `field` as one CSV field: as it is, or quoted with its quotes doubled when it must be.
    static func escape(_ field: String) -> String {
        let special = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        let padded = field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard special || padded else { return field }
        var quoted = "\""
        for character in field.unicodeScalars {
            if character == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(character)
        }
        quoted.append("\"")
        return quoted
    }
}
