import Foundation
import Testing
@testable import SentraCore

/// Record IDs, node IDs and dots.
@Suite("Identifiers")
struct IdentifierTests {
    @Test("uuidV7: 8-4-4-4-12 lowercase hex, version 7, RFC 9562 variant, time in the first 48 bits")
    func uuidV7() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<1_000 {
            let milliseconds = Int64.random(in: 0..<(1 << 48), using: &random)
            let id = RecordID.uuidV7(milliseconds: milliseconds, using: &random)
            let groups = id.split(separator: "-", omittingEmptySubsequences: false)
            try #require(groups.map(\.count) == [8, 4, 4, 4, 12], "\(id)")
            try #require(id.allSatisfy { "0123456789abcdef-".contains($0) }, "\(id)")
            let hex = Array(id.replacingOccurrences(of: "-", with: ""))
            try #require(hex[12] == "7", "version nibble of \(id)")
            try #require("89ab".contains(hex[16]), "variant bits of \(id)")
            try #require(Int64(String(hex[0..<12]), radix: 16) == milliseconds, "timestamp of \(id)")
            try #require(RecordID.isValid(id) && UUID(uuidString: id) != nil, "\(id)")
        }
    }

    @Test("uuidV7 sorts by time, and a seeded generator repeats it")
    func uuidV7Order() {
        var random = SeededGenerator(seed: 1)
        let earlier = RecordID.uuidV7(milliseconds: 1_732_850_000_000, using: &random)
        let later = RecordID.uuidV7(milliseconds: 1_732_850_000_001, using: &random)
        #expect(earlier < later)
        #expect(earlier.hasPrefix("0193"))
        var again = SeededGenerator(seed: 1)
        #expect(RecordID.uuidV7(milliseconds: 1_732_850_000_000, using: &again) == earlier)
    }

    @Test("record IDs: 1 to 128 printable ASCII characters without spaces")
    func recordIDs() {
        #expect(RecordID.isValid("usaha-001") && RecordID.isValid(String(repeating: "x", count: 128)))
        for bad in ["", "a b", "tab\t", "é", String(repeating: "x", count: 129)] { #expect(!RecordID.isValid(bad), "\(bad)") }
    }

    @Test("node IDs: random ones are 16 hex digits; names are 1 to 64 of [A-Za-z0-9._-]")
    func nodeIDs() {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<100 {
            let id = NodeID.random(using: &random)
            #expect(id.rawValue.count == 16 && id.rawValue.allSatisfy(\.isHexDigit) && id.rawValue == id.rawValue.lowercased())
        }
        #expect(NodeID.random() != NodeID.random())
        #expect(NodeID(rawValue: "laptop-supervisor_1.local") != nil && NodeID(rawValue: String(repeating: "a", count: 64)) != nil)
        for bad in ["", "a b", "a/b", "é", String(repeating: "a", count: 65)] { #expect(NodeID(rawValue: bad) == nil, "\(bad)") }
    }

    @Test("dots order by origin, then counter")
    func dots() {
        let a = NodeID(rawValue: "a")!, b = NodeID(rawValue: "b")!
        #expect(Dot(origin: a, counter: 9) < Dot(origin: b, counter: 1))
        #expect(Dot(origin: a, counter: 1) < Dot(origin: a, counter: 2))
        #expect(Dot(origin: a, counter: 3).description == "a:3")
    }
}
