import Foundation
import Testing
@testable import SentraCore

/// Bugs found in SentraCore while writing these tests, each pinned by a test that shows it.
///
/// Each body is wrapped in `withKnownIssue`, so the suite stays green while the bug is open and
/// the failure is still printed. When a bug is fixed, `withKnownIssue` reports that the issue
/// was not recorded: delete the wrapper then, and the test guards the fix.
@Suite("Known issues in SentraCore")
struct KnownIssueTests {
    static let a = NodeID(rawValue: "aaaa000000000001")!
    static let b = NodeID(rawValue: "bbbb000000000002")!

    /// RecordState.conflicts() builds a delete/edit conflict from `userFields.values.flatMap`,
    /// sorted by dot only. One change that assigned several fields leaves several entries with
    /// the same dot, and their order then follows the `fields` dictionary's iteration order,
    /// which differs between dictionary instances (per-instance hash seeds). So two replicas
    /// holding equal RecordStates list the conflict's entries differently, and its
    /// `displayWinner` (the first of equal `(hlc, origin, counter)`) shows a different value:
    /// against Semantics 3 and 6. Entries also do not say which field they belong to.
    @Test("a delete/edit conflict lists the same entries in the same order on every replica")
    func deleteEditConflictOrder() {
        let values: [String: FieldValue] = Dictionary(uniqueKeysWithValues: (0..<8).map { ("f\($0)", .integer(Int64($0))) })
        let edit = Change(dot: Dot(origin: Self.a, counter: 1), hlc: HybridTimestamp(physical: 100, logical: 0),
                          record: "r", form: "usaha", context: VersionVector(), operation: .assign(values))
        let delete = Change(dot: Dot(origin: Self.b, counter: 1), hlc: HybridTimestamp(physical: 200, logical: 0),
                            record: "r", form: "usaha", context: VersionVector(), operation: .delete)
        let replicas = (0..<10).map { index in
            var state = RecordState(id: "r")
            for change in index.isMultiple(of: 2) ? [edit, delete] : [delete, edit] { state.apply(change) }
            return state
        }
        #expect(Set(replicas).count == 1, "the replicated states are equal")
        withKnownIssue("delete/edit conflict entries follow dictionary order (RecordState.swift:94)") {
            let lists = replicas.map { $0.conflicts().first?.entries ?? [] }
            #expect(Set(lists.map { $0.map(\.value) }).count == 1, "entry order differs between replicas")
            #expect(Set(replicas.map { $0.conflicts().first?.displayWinner }).count == 1, "display winner differs between replicas")
        }
    }

    /// The same, found by the convergence property: replicas given one set of changes in
    /// different orders must report identical conflict lists, delete/edit ones included.
    @Test("exact conflict lists converge across delivery orders")
    func exactConflictsConverge() {
        withKnownIssue("delete/edit conflict entries follow dictionary order (RecordState.swift:94)") {
            forAllSeeds("known.exact-conflicts") { seed, random in
                let history = HistoryGenerator.make(&random)
                let expected = DeliveryOrder.replay(history.changes).records.values.sorted { $0.id < $1.id }.flatMap { $0.conflicts() }
                let replica = DeliveryOrder.replay(DeliveryOrder.random(history.changes, &random))
                let actual = replica.records.values.sorted { $0.id < $1.id }.flatMap { $0.conflicts() }
                try #require(actual == expected, "seed \(seed)")
                try #require(actual.map(\.displayWinner) == expected.map(\.displayWinner), "seed \(seed)")
            }
        }
    }

    /// FieldValue's JSON cannot tell a whole-number decimal from an integer: `.decimal(12)`
    /// encodes as `12` and decodes as `.integer(12)` (and the text `12.0` or `1e2` decodes as an
    /// integer too). A decimal field's value, which FieldDefinition.check stores as a decimal,
    /// therefore changes type on the wire, so the writer and its peers hold different values
    /// for the same entry.
    @Test("a change with a whole-number decimal survives a JSON round trip")
    func wholeDecimalRoundTrip() throws {
        let change = Change(dot: Dot(origin: Self.a, counter: 1), hlc: .zero, record: "r", form: "usaha",
                            context: VersionVector(), operation: .assign(["omzet_bulanan": .decimal(12)]))
        let decoded = try JSONDecoder().decode(Change.self, from: JSONEncoder().encode(change))
        withKnownIssue("FieldValue.decimal(12) decodes as .integer(12) (FieldValue.swift:52)") {
            #expect(decoded == change)
            #expect(FieldValue.parseLiteral("12.0") == .decimal(12))
        }
    }

    /// FieldDefinition.isDate parses each part with `Int(_:)`, which accepts a leading `+`,
    /// so "2024-+1-+5" and "+024-01-01" pass as dates and are stored as typed.
    @Test("a date with sign characters is refused")
    func signedDate() {
        let field = FieldDefinition(name: "tanggal", type: .date)
        withKnownIssue("FieldDefinition.isDate accepts '+' (FieldDefinition+Values.swift:89)") {
            #expect(throws: CoreError.self) { try field.parse("2024-+1-+5") }
            #expect(throws: CoreError.self) { try field.parse("+024-01-01") }
        }
    }

    /// HybridTimestamp decoding accepts any non-negative Int64, but HybridClock.receive then
    /// moves past the largest physical time that `HybridTimestamp.init(physical:logical:)`
    /// allows (its precondition, HybridTimestamp.swift:23), trapping the process: one bad
    /// timestamp in a received change crashes the node instead of being refused.
    @Test("receiving the largest decodable timestamp does not crash")
    func receiveHugeTimestamp() async {
        await withKnownIssue("HybridClock.receive traps on a timestamp at the top of the range (HybridClock.swift:42)") {
            await #expect(processExitsWith: .success) {
                let remote = try JSONDecoder().decode(HybridTimestamp.self, from: Data("\(Int64.max)".utf8))
                var clock = HybridClock()
                _ = clock.receive(remote, now: 1_732_850_000_000)
            }
        }
    }
}
