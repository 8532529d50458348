public import Foundation

extension FieldValue {
    /// Reads `FIELD=VALUE` text for a field with no definition: a JSON literal if the text parses
    /// as one, else the text itself as a string.
    ///
    /// ```swift
    /// FieldValue.parseLiteral("12")      // .integer(12)
    /// FieldValue.parseLiteral("true")    // .bool(true)
    /// FieldValue.parseLiteral("0812555") // .string("0812555"): JSON numbers have no leading zero
    /// FieldValue.parseLiteral("Budi")    // .string("Budi")
    /// ```
    public static func parseLiteral(_ text: String) -> FieldValue {
        guard let first = text.first, !first.isWhitespace, text.last?.isWhitespace == false,
              let value = try? JSONDecoder().decode(FieldValue.self, from: Data(text.utf8)) else {
            return .string(text)
        }
        return value
    }

    /// The canonical JSON text of this value: sorted keys, no insignificant whitespace.
    public var jsonText: String {
        var writer = CanonicalJSONWriter(capacity: 64)
        writer.write(self)
        return writer.text
    }
}

extension JSONEncoder {
    /// An encoder whose output is the same for equal values: sorted keys, unescaped slashes.
    public static var canonical: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
