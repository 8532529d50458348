import Foundation
import Testing
@testable import SentraCore

/// The shared merge cases of `Tests/Fixtures/merge-cases.json`, which the field app's JavaScript
/// merge (Sources/SentraWeb/FieldApp/tests/merge.cases.test.mjs) runs too: every delivery order of a
/// case's changes must give its expected record.
@Suite("Merge case file")
struct MergeCaseFileTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/merge-cases.json")

    /// The file's cases, each with its changes decoded from their wire form.
    static func cases() throws -> [(name: String, object: [String: Any], changes: [String: Change])] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let cases = try #require(root?["cases"] as? [[String: Any]])
        return try cases.map { item in
            let name = item["name"] as? String ?? "?"
            let wire = try #require(item["changes"] as? [String: Any], "\(name): no changes")
            let changes = try wire.mapValues { change in
                try JSONDecoder().decode(Change.self, from: JSONSerialization.data(withJSONObject: change))
            }
            return (name, item, changes)
        }
    }

    @Test("every delivery order of every case gives its expected record")
    func cases() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 19)
        for (name, item, changes) in cases {
            let expect = try #require(item["expect"] as? [String: Any], "\(name): no expect")
            let orders = try #require(item["orders"] as? [[String]], "\(name): no orders")
            let policy = Self.policy(item["policy"])
            for order in orders {
                var state = RecordState(id: expect["record"] as? String ?? "usaha-1")
                for key in order {
                    let change = try #require(changes[key], "\(name): no change \(key)")
                    // Changes to other records of the case reach the replica, not this record;
                    // delivery may repeat a change, and applying it again changes nothing.
                    if change.record == state.id { state.apply(change) }
                }
                let label = "\(name), order \(order.joined(separator: " "))"
                try Self.check(state, against: expect, policy: policy, label)
            }
        }
    }

    static func policy(_ json: Any?) -> (String) -> ConflictPolicy {
        if json as? String == "lww" { return { _ in .lww } }
        let byField = (json as? [String: String] ?? [:]).compactMapValues(ConflictPolicy.init(rawValue:))
        return { byField[$0] ?? .flag }
    }

    static func check(_ state: RecordState, against expect: [String: Any], policy: (String) -> ConflictPolicy, _ label: String) throws {
        if let deleted = expect["deleted"] as? Bool { #expect(state.isDeleted == deleted, "\(label): deleted") }
        if let form = expect["form"] as? String { #expect(state.form == form, "\(label): form") }
        if let display = expect["display"] {
            let values = try JSONDecoder().decode([String: FieldValue].self, from: JSONSerialization.data(withJSONObject: display))
            #expect(state.displayValues == values, "\(label): display")
        }
        if let fields = expect["fields"] as? [String: [String]] {
            #expect(state.fields.mapValues { $0.map(\.dot).sorted().map(\.description) } == fields, "\(label): fields")
        }
        if let context = expect["context"] as? [String: Int] {
            #expect(Dictionary(uniqueKeysWithValues: state.context.counters.map { ($0.key.rawValue, $0.value) }) == context, "\(label): context")
        }
        if let conflicts = expect["conflicts"] as? [[String: Any]] {
            let actual = state.conflicts(policy: policy)
            #expect(actual.count == conflicts.count, "\(label): \(actual.count) conflicts")
            for (conflict, expected) in zip(actual, conflicts) {
                #expect(conflict.field == expected["field"] as? String, "\(label): conflict field")
                #expect(conflict.entries.map(\.dot.description) == expected["entries"] as? [String], "\(label): conflict entries")
                if let values = expected["values"] {
                    let decoded = try JSONDecoder().decode([FieldValue].self, from: JSONSerialization.data(withJSONObject: values))
                    #expect(conflict.entries.map(\.value) == decoded, "\(label): conflict values")
                }
                if let displayed = expected["displayed"] as? String {
                    #expect(conflict.displayWinner?.dot.description == displayed, "\(label): displayed")
                }
            }
        }
    }
}
