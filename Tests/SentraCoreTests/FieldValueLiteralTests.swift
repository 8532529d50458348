import Foundation
import Testing
@testable import SentraCore

/// `FIELD=VALUE` text for fields without a definition, and the canonical JSON of values.
@Suite("FieldValue literals")
struct FieldValueLiteralTests {
    @Test("JSON literals become typed values; anything else stays text", arguments: [
        ("0812555", FieldValue.string("0812555")),
        ("12", .integer(12)),
        ("-3", .integer(-3)),
        ("12.5", .decimal(12.5)),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        ("Budi", .string("Budi")),
        (" 12", .string(" 12")),
        ("12 ", .string("12 ")),
        ("", .string("")),
        ("Konveksi \"Maju\"", .string("Konveksi \"Maju\"")),
        ("\"quoted\"", .string("quoted")),
        ("[1,\"a\"]", .array([.integer(1), .string("a")])),
        ("{\"lat\":-6.4}", .object(["lat": .decimal(-6.4)])),
        ("{broken", .string("{broken")),
    ])
    func parseLiteral(text: String, expected: FieldValue) {
        #expect(FieldValue.parseLiteral(text) == expected, "\"\(text)\"")
    }

    @Test("canonical JSON sorts keys and round-trips")
    func canonicalJSON() throws {
        let value = FieldValue.object(["lon": .decimal(107.5), "lat": .integer(-6), "tags": .array([.string("a/b"), .null, .bool(true)])])
        #expect(value.jsonText == #"{"lat":-6,"lon":107.5,"tags":["a/b",null,true]}"#)
        #expect(try JSONDecoder().decode(FieldValue.self, from: Data(value.jsonText.utf8)) == value)
    }

    @Test("accessors and type names")
    func accessors() {
        #expect(FieldValue.string("x").stringValue == "x" && FieldValue.integer(1).stringValue == nil)
        #expect(FieldValue.integer(3).numberValue == 3 && FieldValue.decimal(2.5).numberValue == 2.5 && FieldValue.bool(true).numberValue == nil)
        #expect(FieldValue.null.isNull && !FieldValue.string("").isNull)
        let names = [FieldValue.null, .bool(true), .integer(1), .decimal(1.5), .string(""), .array([]), .object([:])].map(\.typeName)
        #expect(names == ["null", "boolean", "integer", "decimal", "string", "array", "object"])
    }
}
