import Foundation
import Testing
@testable import SentraCore

/// Regression tests for bugs found in SentraCore while writing the property tests.
@Suite("Regressions in SentraCore")
struct RegressionTests {
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
        let lists = replicas.map { $0.conflicts().first?.entries ?? [] }
        #expect(Set(lists.map { $0.map(\.value) }).count == 1, "entry order differs between replicas")
        #expect(Set(replicas.map { $0.conflicts().first?.displayWinner }).count == 1, "display winner differs between replicas")
    }

    /// The same, found by the convergence property: replicas given one set of changes in
    /// different orders must report identical conflict lists, delete/edit ones included.
    @Test("exact conflict lists converge across delivery orders")
    func exactConflictsConverge() {
        forAllSeeds("regression.exact-conflicts") { seed, random in
            let history = HistoryGenerator.make(&random)
            let expected = DeliveryOrder.replay(history.changes).records.values.sorted { $0.id < $1.id }.flatMap { $0.conflicts() }
            let replica = DeliveryOrder.replay(DeliveryOrder.random(history.changes, &random))
            let actual = replica.records.values.sorted { $0.id < $1.id }.flatMap { $0.conflicts() }
            try #require(actual == expected, "seed \(seed)")
            try #require(actual.map(\.displayWinner) == expected.map(\.displayWinner), "seed \(seed)")
        }
    }

    /// JSON cannot tell a whole-number decimal from an integer: `.decimal(12)` encodes as `12` and
    /// decodes as `.integer(12)`. A decimal field therefore stores whole numbers as integers, so
    /// the value a writer holds is the value its peers decode.
    @Test("a decimal field's whole number survives a JSON round trip")
    func wholeDecimalRoundTrip() throws {
        let field = FieldDefinition(name: "omzet_bulanan", type: .decimal)
        let whole = try field.parse("12.0")
        #expect(whole == .integer(12))
        #expect(try field.check(.decimal(12)) == .integer(12))
        #expect(try field.parse("12.5") == .decimal(12.5))
        let change = Change(dot: Dot(origin: Self.a, counter: 1), hlc: .zero, record: "r", form: "usaha",
                            context: VersionVector(), operation: .assign(["omzet_bulanan": whole, "luas": try field.parse("7.25")]))
        #expect(try JSONDecoder().decode(Change.self, from: JSONEncoder().encode(change)) == change)
    }

    /// FieldDefinition.isDate parses each part with `Int(_:)`, which accepts a leading `+`,
    /// so "2024-+1-+5" and "+024-01-01" pass as dates and are stored as typed.
    @Test("a date with sign characters is refused")
    func signedDate() {
        let field = FieldDefinition(name: "tanggal", type: .date)
        #expect(throws: CoreError.self) { try field.parse("2024-+1-+5") }
        #expect(throws: CoreError.self) { try field.parse("+024-01-01") }
    }

    /// HybridTimestamp decoding accepts any non-negative Int64, but HybridClock.receive then
    /// moves past the largest physical time that `HybridTimestamp.init(physical:logical:)`
    /// allows (its precondition, HybridTimestamp.swift:23), trapping the process: one bad
    /// timestamp in a received change crashes the node instead of being refused.
    @Test("receiving the largest decodable timestamp does not crash")
    func receiveHugeTimestamp() async {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(HybridTimestamp.self, from: Data("\(Int64.max)".utf8))
        }
        await #expect(processExitsWith: .success) {
            let remote = try JSONDecoder().decode(HybridTimestamp.self, from: Data("\((HybridTimestamp.physicalLimit - 1) << 16 | 0xFFFF)".utf8))
            var clock = HybridClock()
            _ = clock.receive(remote, now: Int64.max)
            _ = clock.send(now: Int64.max)
        }

    }

    /// A geopoint with whole-number coordinates ("0,0" is a common placeholder) must hold the
    /// value its peers decode, as decimal fields do.
    @Test("a geopoint with whole-number coordinates survives a JSON round trip")
    func wholeGeopointRoundTrip() throws {
        let field = FieldDefinition(name: "lokasi", type: .geopoint)
        for text in ["-6,107", "0,0", "-6.25,107.5"] {
            let value = try field.parse(text)
            let decoded = try JSONDecoder().decode(FieldValue.self, from: JSONEncoder().encode(value))
            #expect(decoded == value, "\(text)")
        }
    }

    /// A change may set only user fields, or `_deleted` to a boolean.
    @Test("a change with a reserved or invalid field name is refused")
    func invalidFieldNamesInChanges() {
        for set in [#"{"_deleted":"yes"}"#, #"{"":1}"#, #"{"_x":1}"#, #"{"id":1}"#] {
            let json = #"{"origin":"aaaa000000000001","counter":1,"hlc":0,"record":"r","form":"usaha","context":{},"set":"# + set + "}"
            #expect(throws: DecodingError.self, "\(set)") { try JSONDecoder().decode(Change.self, from: Data(json.utf8)) }
        }
        let restore = #"{"origin":"aaaa000000000001","counter":1,"hlc":0,"record":"r","form":"usaha","context":{},"set":{"_deleted":false}}"#
        #expect(throws: Never.self) { try JSONDecoder().decode(Change.self, from: Data(restore.utf8)) }
    }
}
