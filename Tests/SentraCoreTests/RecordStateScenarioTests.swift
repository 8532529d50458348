import Testing
@testable import SentraCore

/// The field merge rule on hand-written scenarios: two enumerators, A and B, editing one workshop.
@Suite("RecordState scenarios")
struct RecordStateScenarioTests {
    static let a = NodeID(rawValue: "aaaa000000000001")!
    static let b = NodeID(rawValue: "bbbb000000000002")!
    static let record = "usaha-1"

    static func change(_ origin: NodeID, _ counter: Int, hlc: Int64, context: VersionVector = VersionVector(),
                       form: String = "usaha", _ operation: Change.Operation) -> Change {
        Change(dot: Dot(origin: origin, counter: counter), hlc: HybridTimestamp(physical: hlc, logical: 0),
               record: record, form: form, context: context, operation: operation)
    }

    /// A created the record (nama, pekerja) and B has it: both sides' context is {A: 1}.
    static let created = change(a, 1, hlc: 100, .assign(["nama": .string("Konveksi Maju"), "pekerja": .integer(5)]))

    static func state(_ changes: [Change]) -> RecordState {
        var state = RecordState(id: record)
        for change in changes { state.apply(change) }
        return state
    }

    /// Both delivery orders of two concurrent changes after `created`, which must agree.
    static func bothOrders(_ x: Change, _ y: Change) -> RecordState {
        let first = state([created, x, y])
        let second = state([created, y, x])
        #expect(first == second)
        #expect(first.conflicts() == second.conflicts())
        return first
    }

    @Test("concurrent edits of different fields merge without a conflict")
    func differentFields() {
        let edit = VersionVector([Self.a: 1])
        let state = Self.bothOrders(Self.change(Self.a, 2, hlc: 200, context: edit, .assign(["nama": .string("Maju Jaya")])),
                                    Self.change(Self.b, 1, hlc: 150, context: edit, .assign(["pekerja": .integer(7)])))
        #expect(state.conflicts().isEmpty && !state.hasConflicts)
        #expect(state.displayValues == ["nama": .string("Maju Jaya"), "pekerja": .integer(7)])
        #expect(state.context == VersionVector([Self.a: 2, Self.b: 1]))
    }

    @Test("concurrent edits of one field conflict, with the same display winner in either order")
    func sameField() throws {
        let edit = VersionVector([Self.a: 1])
        let fromA = Self.change(Self.a, 2, hlc: 200, context: edit, .assign(["pekerja": .integer(6)]))
        let fromB = Self.change(Self.b, 1, hlc: 300, context: edit, .assign(["pekerja": .integer(7)]))
        let state = Self.bothOrders(fromA, fromB)
        let conflict = try #require(state.conflicts().first)
        #expect(state.conflicts().count == 1 && conflict.field == "pekerja")
        #expect(conflict.entries.map(\.value) == [.integer(6), .integer(7)])
        #expect(conflict.displayWinner?.dot == fromB.dot, "greater HLC wins")
        #expect(state.displayValues["pekerja"] == .integer(7))
        // Equal HLCs: the greater origin wins, on every replica.
        let tie = Self.bothOrders(fromA, Self.change(Self.b, 1, hlc: 200, context: edit, .assign(["pekerja": .integer(7)])))
        #expect(tie.conflicts().first?.displayWinner?.dot.origin == Self.b)
    }

    @Test("a deletion concurrent with an edit: deleted, with a delete/edit conflict, and the edit still readable")
    func deleteVersusEdit() throws {
        let seen = VersionVector([Self.a: 1])
        let delete = Self.change(Self.a, 2, hlc: 200, context: seen, .delete)
        let edit = Self.change(Self.b, 1, hlc: 150, context: seen, .assign(["pekerja": .integer(9)]))
        let state = Self.bothOrders(delete, edit)
        #expect(state.isDeleted)
        let conflicts = state.conflicts()
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect(conflict.field == nil && conflict.entries.map(\.dot) == [edit.dot])
        #expect(state.fields["nama"] == nil, "the deletion cleared what it had seen")
        #expect(state.displayValues == ["pekerja": .integer(9)])
        // A delete/edit conflict shows whatever the field policy.
        #expect(state.conflicts(policy: { _ in .lww }) == conflicts)
    }

    /// One change that wrote several fields leaves several entries with one dot: their order,
    /// and so the display winner, must not depend on the replica (it once followed the fields
    /// dictionary's per-instance iteration order).
    @Test("a delete/edit conflict lists its entries by field, then dot, on every replica")
    func deleteEditConflictOrder() {
        let values = Dictionary(uniqueKeysWithValues: (0..<8).map { ("f\($0)", FieldValue.integer(Int64($0))) })
        let edit = Self.change(Self.a, 2, hlc: 100, context: VersionVector([Self.a: 1]), .assign(values))
        let delete = Self.change(Self.b, 1, hlc: 200, context: VersionVector([Self.a: 1]), .delete)
        let replicas = (0..<10).map { Self.state([Self.created] + ($0.isMultiple(of: 2) ? [edit, delete] : [delete, edit])) }
        #expect(Set(replicas).count == 1)
        let conflicts = replicas.map { $0.conflicts() }
        #expect(Set(conflicts).count == 1, "conflicts differ between replicas")
        #expect(conflicts[0].first?.entries.map(\.value) == (0..<8).map { .integer(Int64($0)) })
        #expect(Set(conflicts.map { $0.first?.displayWinner }).count == 1, "display winner differs between replicas")
    }

    @Test("resolving: a write whose context covers all entries clears the conflict")
    func resolve() {
        let edit = VersionVector([Self.a: 1])
        var state = Self.bothOrders(Self.change(Self.a, 2, hlc: 200, context: edit, .assign(["pekerja": .integer(6)])),
                                    Self.change(Self.b, 1, hlc: 300, context: edit, .assign(["pekerja": .integer(7)])))
        let resolution = Self.change(Self.a, 3, hlc: 250, context: state.context, .assign(["pekerja": .integer(6)]))
        let delta = state.apply(resolution)
        #expect(Set(delta.removed.map(\.dot)) == [Dot(origin: Self.a, counter: 2), Dot(origin: Self.b, counter: 1)])
        #expect(delta.added == [FieldAssignment(field: "pekerja", entry: FieldEntry(dot: resolution.dot, hlc: resolution.hlc, value: .integer(6)))])
        #expect(state.conflicts().isEmpty)
        #expect(state.fields["pekerja"]?.count == 1 && state.displayValues["pekerja"] == .integer(6), "a lower HLC still wins once it supersedes")
        #expect(state.apply(resolution).isEmpty, "applying again does nothing")
    }

    @Test("resolving a delete/edit conflict by restoring, or by deleting again")
    func resolveDeleteEdit() {
        let seen = VersionVector([Self.a: 1])
        let conflicted = Self.bothOrders(Self.change(Self.a, 2, hlc: 200, context: seen, .delete),
                                         Self.change(Self.b, 1, hlc: 150, context: seen, .assign(["pekerja": .integer(9)])))
        var restored = conflicted
        restored.apply(Self.change(Self.b, 2, hlc: 400, context: conflicted.context, .assign([FieldName.deleted: .bool(false)])))
        #expect(!restored.isDeleted && restored.conflicts().isEmpty)
        #expect(restored.displayValues == ["pekerja": .integer(9)])
        var deleted = conflicted
        deleted.apply(Self.change(Self.a, 3, hlc: 400, context: conflicted.context, .delete))
        #expect(deleted.isDeleted && deleted.conflicts().isEmpty && deleted.userFields.isEmpty)
    }

    @Test("lww hides a field conflict but keeps both entries")
    func lwwPolicy() {
        let edit = VersionVector([Self.a: 1])
        let state = Self.bothOrders(Self.change(Self.a, 2, hlc: 200, context: edit, .assign(["pekerja": .integer(6), "nama": .string("X")])),
                                    Self.change(Self.b, 1, hlc: 300, context: edit, .assign(["pekerja": .integer(7), "nama": .string("Y")])))
        let lww = state.conflicts(policy: { $0 == "pekerja" ? .lww : .flag })
        #expect(lww.map(\.field) == ["nama"])
        #expect(state.conflicts(policy: { _ in .lww }).isEmpty)
        #expect(state.fields["pekerja"]?.count == 2 && state.hasConflicts)
        #expect(state.displayValues["pekerja"] == .integer(7))
    }

    @Test("the form follows the change with the greatest (hlc, origin, counter)")
    func formStamp() {
        let x = Self.change(Self.a, 2, hlc: 300, context: VersionVector([Self.a: 1]), form: "usaha_v2", .assign(["nama": .string("X")]))
        let y = Self.change(Self.b, 1, hlc: 200, context: VersionVector([Self.a: 1]), form: "usaha_v3", .assign(["pekerja": .integer(1)]))
        let state = Self.bothOrders(x, y)
        #expect(state.form == "usaha_v2" && state.formStamp?.dot == x.dot)
        var fresh = RecordState(id: Self.record)
        #expect(fresh.apply(Self.created).formChanged && fresh.form == "usaha")
    }

    @Test("a record loaded from storage drops empty fields and sorts entries by dot")
    func loadedState() {
        let late = FieldEntry(dot: Dot(origin: Self.b, counter: 1), hlc: .zero, value: .integer(1))
        let early = FieldEntry(dot: Dot(origin: Self.a, counter: 1), hlc: .zero, value: .integer(2))
        let state = RecordState(id: "r", form: "usaha", formStamp: nil, fields: ["x": [late, early], "empty": []], context: VersionVector([Self.a: 1, Self.b: 1]))
        #expect(state.fields == ["x": [early, late]])
    }
}
