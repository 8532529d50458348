import Foundation
import Testing
@testable import SentraCore

/// The hand-written JSON writer and reader must agree with `JSONEncoder.canonical` and
/// `JSONDecoder` on every value and change, since a replica compares log entries byte for byte
/// and peers read what either wrote.
@Suite("Canonical JSON properties")
struct CanonicalJSONProperties {
    static let keys = ["a", "B", "aa", "desa", "é", "z_1", "nama usaha", "\u{1F600}", "k\"q", "tab\tkey"]
    static let strings = ["", "Budi", "Konveksi \"Maju\"", "a/b\\c", "baris\nbaru", "\u{1}\u{1f}\u{7f}", "ü/ñ é😀", "\u{2028}", "\r\t\u{8}\u{c}"]

    static func value(_ random: inout SeededGenerator, depth: Int = 0) -> FieldValue {
        switch Int.random(in: 0..<(depth > 2 ? 6 : 8), using: &random) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .integer(random.chance(0.1) ? random.pick([Int64.max, Int64.min, 0]) : Int64.random(in: -1_000_000_000...1_000_000_000, using: &random))
        case 3:
            let number = random.pick([0.1, 1e-05, 1.5e300, 123456789.123, 1e21, 2.5e-7, 1e15 + 0.25, -0.5,
                                      Double(Int.random(in: -100_000...100_000, using: &random)) / 1_000])
            return .number(number)
        case 4, 5: return .string(random.pick(strings))
        case 6: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in value(&random, depth: depth + 1) })
        default:
            var members: [String: FieldValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) { members[random.pick(keys)] = value(&random, depth: depth + 1) }
            return .object(members)
        }
    }

    static func change(_ random: inout SeededGenerator) -> Change {
        var values: [String: FieldValue] = [:]
        for index in 0..<Int.random(in: 1...6, using: &random) { values["f\(index)_\(random.pick(["x", "desa", "b"]))"] = value(&random) }
        var context: [NodeID: Int] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) { context[NodeID.random(using: &random)] = Int.random(in: 1...10_000, using: &random) }
        return Change(dot: Dot(origin: NodeID.random(using: &random), counter: Int.random(in: 1...100_000, using: &random)),
                      hlc: HybridTimestamp(physical: Int64.random(in: 0...1_800_000_000_000, using: &random), logical: Int.random(in: 0...9, using: &random)),
                      record: RecordID.uuidV7(milliseconds: 1_732_850_000_000, using: &random), form: random.pick(["usaha", "usaha_lengkap"]),
                      context: VersionVector(context), operation: random.chance(0.2) ? .delete : .assign(values))
    }

    @Test("the writer writes the bytes JSONEncoder.canonical writes")
    func writerMatchesEncoder() {
        forAllSeeds("json.writer-matches-encoder") { seed, random in
            let value = Self.value(&random)
            var writer = CanonicalJSONWriter()
            writer.write(value)
            let expected = String(decoding: try JSONEncoder.canonical.encode(value), as: UTF8.self)
            try #require(writer.text == expected, "seed \(seed): \(writer.text) ≠ \(expected)")
            let change = Self.change(&random)
            let expectedChange = String(decoding: try JSONEncoder.canonical.encode(change), as: UTF8.self)
            try #require(change.canonicalJSON == expectedChange, "seed \(seed): \(change.canonicalJSON) ≠ \(expectedChange)")
        }
    }

    @Test("the reader reads what JSONDecoder reads, from either encoder")
    func readerMatchesDecoder() {
        forAllSeeds("json.reader-matches-decoder") { seed, random in
            let value = Self.value(&random)
            let plain = try JSONEncoder().encode(value)
            try #require(try JSONReader.parse(plain) == JSONDecoder().decode(FieldValue.self, from: plain), "seed \(seed): \(value)")
            let change = Self.change(&random)
            let text = try JSONEncoder().encode(change)
            try #require(try Change(json: JSONReader.parse(text)) == change, "seed \(seed): \(change)")
        }
    }

    @Test("numbers read as FieldValue.number reads them", arguments: [
        ("12", FieldValue.integer(12)), ("12.0", .integer(12)), ("1.2e1", .integer(12)), ("-0", .integer(0)), ("-0.0", .integer(0)),
        ("12.5", .decimal(12.5)), ("9223372036854775807", .integer(.max)), ("9223372036854775808", .decimal(9223372036854775808)),
        ("1e300", .decimal(1e300)),
    ])
    func numbers(text: String, expected: FieldValue) throws {
        #expect(try JSONReader.parse(text) == expected)
        #expect(try JSONDecoder().decode(FieldValue.self, from: Data(text.utf8)) == expected)
    }

    @Test("text that is not JSON is refused", arguments: [
        "", " ", "{", "[1,]", "{\"a\":}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\ud800\"", "1 2", "{\"a\" 1}", "nul",
        "\"\u{1}\"", "1e", "[", String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ])
    func refusesNonJSON(text: String) {
        // Stricter than JSONDecoder, which reads "[1,]" and any depth.
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(text) }
    }

    @Test("escapes and surrogate pairs read back", arguments: [
        (#""a\/b\\c\"d\n\t\b\f\r""#, "a/b\\c\"d\n\t\u{8}\u{c}\r"), (#""\u00e9\ud83d\ude00""#, "é😀"), (#""\u0041""#, "A"),
    ])
    func escapes(text: String, expected: String) throws {
        #expect(try JSONReader.parse(text) == .string(expected))
    }

    @Test("a change the reader refuses, JSONDecoder refuses too", arguments: [
        #"{"context":{},"counter":0,"form":"usaha","hlc":1,"origin":"n1","record":"r1","set":{}}"#,
        #"{"context":{},"counter":1,"form":"usaha","hlc":-1,"origin":"n1","record":"r1","set":{}}"#,
        #"{"context":{},"counter":1,"form":"usaha","hlc":1,"origin":"n 1","record":"r1","set":{}}"#,
        #"{"context":{},"counter":1,"form":"usaha","hlc":1,"origin":"n1","record":"r1"}"#,
        #"{"context":{},"counter":1,"form":"usaha","hlc":1,"origin":"n1","record":"r1","set":{},"delete":true}"#,
        #"{"context":{},"counter":1,"form":"usaha","hlc":1,"origin":"n1","record":"r1","set":{"_x":1}}"#,
        #"{"context":{"n2":-1},"counter":1,"form":"usaha","hlc":1,"origin":"n1","record":"r1","set":{}}"#,
        #"{"context":{},"counter":1,"form":"bad form","hlc":1,"origin":"n1","record":"r1","set":{}}"#,
        #"[1]"#,
    ])
    func refusesInvalidChange(text: String) throws {
        #expect(throws: CoreError.self) { try Change(json: JSONReader.parse(text)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Change.self, from: Data(text.utf8)) }
    }
}

/// Pushes and pulls go through the fast writer and reader; they must match the Codable forms.
@Suite("Wire JSON properties")
struct WireJSONProperties {
    static func node(_ random: inout SeededGenerator) -> NodeInfo {
        NodeInfo(id: NodeID.random(using: &random), name: random.pick(["kantor", "tablet-ani", "laptop \"Sari\"", "é"]))
    }

    @Test("a push and a pull response are written and read as Codable writes and reads them")
    func pushAndPullMatchCodable() {
        forAllSeeds("json.wire-matches-codable") { seed, random in
            let changes = (0..<Int.random(in: 0...4, using: &random)).map { _ in CanonicalJSONProperties.change(&random) }
            let nodes = (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.node(&random) }
            let vector = VersionVector(Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, Int.random(in: 1...99, using: &random)) }))
            let push = PushRequest(sender: Self.node(&random), versionVector: vector, nodes: nodes, changes: changes)
            let pull = PullResponse(logId: "log-\(seed)", changes: changes, next: Int64.random(in: 0...1_000_000, using: &random),
                                    more: random.chance(0.5), nodes: nodes)
            try #require(String(decoding: push.canonicalJSONBytes, as: UTF8.self) == String(decoding: try JSONEncoder.canonical.encode(push), as: UTF8.self),
                         "seed \(seed)")
            try #require(String(decoding: pull.canonicalJSONBytes, as: UTF8.self) == String(decoding: try JSONEncoder.canonical.encode(pull), as: UTF8.self),
                         "seed \(seed)")
            try #require(try PushRequest(jsonBytes: JSONEncoder().encode(push)) == push, "seed \(seed)")
            try #require(try PullResponse(jsonBytes: JSONEncoder().encode(pull)) == pull, "seed \(seed)")
        }
    }
}
