import Foundation
import Testing
@testable import SentraCore

/// The wire form of a change: a round trip keeps it, and malformed input is refused.
@Suite("Change JSON")
struct ChangeCodingTests {
    static let origin = NodeID(rawValue: "3f9c0a1b22d4e8f1")!
    static let other = NodeID(rawValue: "a0b1c2d3e4f50617")!

    static func change(_ operation: Change.Operation) -> Change {
        Change(dot: Dot(origin: origin, counter: 7), hlc: HybridTimestamp(physical: 1_732_850_000_000, logical: 3),
               record: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", form: "usaha",
               context: VersionVector([origin: 6, other: 2]), operation: operation)
    }

    static func decode(_ json: String) throws -> Change {
        try JSONDecoder().decode(Change.self, from: Data(json.utf8))
    }

    /// A valid change as JSON, with `body` in place of the operation and overrides spliced in.
    static func json(origin: String = "3f9c0a1b22d4e8f1", counter: String = "1", hlc: String = "5", record: String = "r1",
                     context: String = "{}", body: String = #""set": {"nama": "Konveksi Maju"}"#) -> String {
        #"{"origin": "\#(origin)", "counter": \#(counter), "hlc": \#(hlc), "record": "\#(record)", "form": "usaha", "context": \#(context), \#(body)}"#
    }

    @Test("an assignment round-trips, every value type included")
    func assignRoundTrip() throws {
        let values: [String: FieldValue] = [
            "nama": .string("Konveksi Maju"), "telepon": .string("0812555"), "pekerja": .integer(12),
            "omzet": .decimal(12.5), "nib": .null, "halal": .bool(false), "produk": .array([.string("kaos"), .string("seragam")]),
            "lokasi": .object(["lat": .decimal(-6.43), "lon": .decimal(107.12)]), FieldName.deleted: .bool(false),
        ]
        let change = Self.change(.assign(values))
        let data = try JSONEncoder().encode(change)
        #expect(try JSONDecoder().decode(Change.self, from: data) == change)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["origin", "counter", "hlc", "record", "form", "context", "set"])
        #expect(change.fieldCount == values.count && change.assignments == values)
    }

    @Test("a deletion round-trips as \"delete\": true")
    func deleteRoundTrip() throws {
        let change = Self.change(.delete)
        let data = try JSONEncoder.canonical.encode(change)
        #expect(try JSONDecoder().decode(Change.self, from: data) == change)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""delete":true"#) && !text.contains(#""set""#))
        #expect(change.assignments == [FieldName.deleted: .bool(true)] && change.fieldCount == 1)
    }

    @Test("the documented JSON decodes")
    func decodesDocumentedForm() throws {
        let change = try Self.decode(Self.json(counter: "2", context: #"{"3f9c0a1b22d4e8f1": 1, "a0b1c2d3e4f50617": 0}"#))
        #expect(change.dot == Dot(origin: Self.origin, counter: 2))
        #expect(change.context == VersionVector([Self.origin: 1]))
        #expect(change.operation == .assign(["nama": .string("Konveksi Maju")]))
        #expect(try Self.decode(Self.json(body: #""delete": true"#)).operation == .delete)
        #expect(try Self.decode(Self.json(body: #""set": {"pekerja": 3}, "delete": false"#)).operation == .assign(["pekerja": .integer(3)]))
    }

    @Test("refuses a change with both set and delete, or neither", arguments: [
        #""set": {"nama": "x"}, "delete": true"#,
        #""set": {}, "delete": true"#,
        #""delete": false"#,
        #""other": 1"#,
    ])
    func refusesAmbiguousOperation(body: String) {
        #expect(throws: DecodingError.self) { try Self.decode(Self.json(body: body)) }
    }

    @Test("refuses counter 0 and below", arguments: ["0", "-1"])
    func refusesCounter(counter: String) {
        #expect(throws: DecodingError.self) { try Self.decode(Self.json(counter: counter)) }
    }

    @Test("refuses invalid node IDs as origin or in the context", arguments: ["", "has space", "ü-node", String(repeating: "a", count: 65)])
    func refusesNodeID(id: String) {
        #expect(throws: DecodingError.self) { try Self.decode(Self.json(origin: id)) }
        #expect(throws: DecodingError.self) { try Self.decode(Self.json(context: #"{"\#(id)": 1}"#)) }
    }

    @Test("refuses invalid record IDs, negative timestamps and negative context entries")
    func refusesOtherFields() {
        for record in ["", "has space", String(repeating: "r", count: 129)] {
            #expect(throws: DecodingError.self) { try Self.decode(Self.json(record: record)) }
        }
        #expect(throws: DecodingError.self) { try Self.decode(Self.json(hlc: "-1")) }
        #expect(throws: DecodingError.self) { try Self.decode(Self.json(context: #"{"3f9c0a1b22d4e8f1": -1}"#)) }
        #expect(throws: DecodingError.self) { try Self.decode(#"{"origin": "a", "counter": 1}"#) }
    }

    @Test("refuses what the protocol forbids in set: _deleted other than false, no field at all", arguments: [
        #""set": {"_deleted": true}"#,
        #""set": {"_deleted": true, "nama": "x"}"#,
        #""set": {"_deleted": null}"#,
        #""set": {"_deleted": 0}"#,
        #""set": {}"#,
        #""set": {}, "delete": false"#,
    ])
    func refusesForbiddenAssignments(body: String) throws {
        let text = Self.json(body: body)
        #expect(throws: DecodingError.self) { try Self.decode(text) }
        #expect(throws: CoreError.self) { try Change(json: JSONReader.parse(text)) }
    }

    @Test("restoring with _deleted false is allowed, alone or beside fields")
    func acceptsRestore() throws {
        for body in [#""set": {"_deleted": false}"#, #""set": {"_deleted": false, "nama": "x"}"#] {
            let text = Self.json(body: body)
            #expect(try Self.decode(text) == Change(json: JSONReader.parse(text)))
        }
    }

    @Test("an HLC out of range is an invalid change that names the range, even past 2^63")
    func hlcOutOfRange() throws {
        let greatest = HybridTimestamp.greatest.rawValue
        #expect(try Change(json: JSONReader.parse(Self.json(hlc: "\(greatest)"))).hlc == .greatest)
        for hlc in ["\(greatest + 1)", "\(Int64.max)", "9223372036854775808", "1e30", "-1", "5.5"] {
            let error = try #require(throws: CoreError.self) { try Change(json: JSONReader.parse(Self.json(hlc: hlc))) }
            #expect(error.code == .invalidChange && error.message.contains("2^46"), "\(hlc): \(error.message)")
        }
    }
}

/// A pull response and a push are read with the same checks as a single change: a peer that
/// sends a forbidden change has its whole batch refused.
@Suite("Batches with a forbidden change")
struct ForbiddenBatchTests {
    @Test("a pull response with _deleted true or an empty set is refused, naming the change")
    func pullResponse() throws {
        for body in [#""set": {"_deleted": true}"#, #""set": {}"#] {
            let change = ChangeCodingTests.json(body: body)
            let good = ChangeCodingTests.json(counter: "2")
            let text = #"{"protocol": 1, "logId": "l", "next": 2, "more": false, "nodes": [], "changes": [\#(good), \#(change)]}"#
            let error = try #require(throws: CoreError.self) { try PullResponse(jsonBytes: Array(text.utf8)) }
            #expect(error.message.contains("changes[1]"), "\(error.message)")
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(PullResponse.self, from: Data(text.utf8)) }
        }
    }
}
