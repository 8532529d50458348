/// A record as one replica holds it: every field's entries and the record's causal context.
///
/// This is the field merge rule of DESIGN.md, written once. The store loads a record, calls
/// ``apply(_:)`` and saves the record as it now is; the ``RecordDelta`` it returns says which
/// entries went and came. SQL never re-implements the rule.
///
/// Each field is a multi-value register. A change with context `ctx` that assigns field `f`
/// removes every entry of `f` whose dot `ctx` covers, then adds its own entry. A deletion does the
/// same to every field and adds the entry `_deleted = true`.
public struct RecordState: Hashable, Sendable {
    public var id: String
    /// The record's form: the form named by its change with the greatest `(hlc, origin, counter)`.
    public private(set) var form: String
    /// The stamp of the change that set ``form``.
    public private(set) var formStamp: FieldEntry?
    /// The entries of each field, sorted by dot. Fields with no entries are absent.
    public private(set) var fields: [String: [FieldEntry]]
    /// The highest counter per origin among the changes to this record applied here.
    public private(set) var context: VersionVector

    /// An empty record, before its first change.
    public init(id: String, form: String = "") {
        self.init(id: id, form: form, formStamp: nil, fields: [:], context: VersionVector())
    }

    /// A record as loaded from storage.
    public init(id: String, form: String, formStamp: FieldEntry?, fields: [String: [FieldEntry]], context: VersionVector) {
        self.id = id
        self.form = form
        self.formStamp = formStamp
        self.fields = fields.filter { !$0.value.isEmpty }.mapValues { $0.sorted { $0.dot < $1.dot } }
        self.context = context
    }

    /// Applies `change` to this record and returns what changed. A change already in the context
    /// changes nothing.
    ///
    /// The caller is responsible for causal delivery: `change.context` must be covered by what
    /// the replica holds.
    @discardableResult
    public mutating func apply(_ change: Change) -> RecordDelta {
        precondition(change.record == id, "change for \(change.record) applied to \(id)")
        var delta = RecordDelta()
        guard !context.covers(change.dot) else { return delta }
        // A deletion clears what its context covers in every field; an assignment, in its own.
        let cleared: [String]
        switch change.operation {
        case .assign(let values): cleared = fields.isEmpty ? [] : Array(values.keys)
        case .delete: cleared = Array(fields.keys)
        }
        for field in cleared {
            guard let entries = fields[field] else { continue }
            let (removed, kept) = entries.partitioned { change.context.covers($0.dot) }
            for entry in removed { delta.removed.append(FieldDot(field: field, dot: entry.dot)) }
            fields[field] = kept.isEmpty ? nil : kept
        }
        let assignments = change.assignments
        fields.reserveCapacity(fields.count + assignments.count)
        delta.added.reserveCapacity(assignments.count)
        for (field, value) in assignments {
            let entry = FieldEntry(dot: change.dot, hlc: change.hlc, value: value)
            if var entries = fields[field] {
                entries.append(entry)
                fields[field] = entries.sorted { $0.dot < $1.dot }
            } else {
                fields[field] = [entry]
            }
            delta.added.append(FieldAssignment(field: field, entry: entry))
        }
        let stamp = FieldEntry(dot: change.dot, hlc: change.hlc, value: .string(change.form))
        if formStamp.map({ stamp.displaysBefore($0) }) ?? true {
            formStamp = stamp
            form = change.form
            delta.formChanged = true
        }
        context.include(change.dot)
        return delta
    }

    /// Whether the record is deleted: the display winner of `_deleted` is `true`.
    public var isDeleted: Bool {
        fields[FieldName.deleted]?.displayWinner?.value == .bool(true)
    }

    /// The user fields, without the reserved `_deleted`.
    public var userFields: [String: [FieldEntry]] {
        fields.filter { $0.key != FieldName.deleted }
    }

    /// The value every replica displays for each user field.
    public var displayValues: [String: FieldValue] {
        userFields.compactMapValues { $0.displayWinner?.value }
    }

    /// The conflicts in this record, as presentation rules see them.
    ///
    /// A field with two or more entries is in conflict unless `policy` says `lww` for it. A
    /// deleted record that still holds user field entries is a delete/edit conflict, whatever
    /// the policy. The replicated state is the same either way (Semantics 7).
    public func conflicts(policy: (String) -> ConflictPolicy = { _ in .flag }) -> [Conflict] {
        var result: [Conflict] = []
        if isDeleted && !userFields.isEmpty {
            // By field name, then dot: one change may have written several of these entries.
            let entries = userFields.sorted { $0.key < $1.key }.flatMap(\.value)
            result.append(Conflict(record: id, field: nil, entries: entries))
        }
        for (field, entries) in fields.sorted(by: { $0.key < $1.key }) where entries.count > 1 {
            if field != FieldName.deleted && policy(field) == .lww { continue }
            result.append(Conflict(record: id, field: field, entries: entries))
        }
        return result
    }

    /// The conflicts as `form` presents them: its fields' policies, or `flag` for every field when
    /// the record's form is not defined here.
    public func conflicts(presentedBy form: FormDefinition?) -> [Conflict] {
        conflicts(policy: { form?.policy(of: $0) ?? .flag })
    }

    /// Whether the record has a conflict when every field is flagged.
    public var hasConflicts: Bool {
        (isDeleted && !userFields.isEmpty) || fields.values.contains { $0.count > 1 }
    }
}

/// A field's entry named by its dot.
public struct FieldDot: Hashable, Sendable {
    public var field: String
    public var dot: Dot
}

/// A field's new entry.
public struct FieldAssignment: Hashable, Sendable {
    public var field: String
    public var entry: FieldEntry
}

/// What applying one change did to a record, for the store to persist.
public struct RecordDelta: Hashable, Sendable {
    /// Entries the change's context covered.
    public var removed: [FieldDot] = []
    /// The change's own entries.
    public var added: [FieldAssignment] = []
    /// Whether the record's form changed.
    public var formChanged = false

    /// Whether the change did anything.
    public var isEmpty: Bool { removed.isEmpty && added.isEmpty && !formChanged }
}

extension Array {
    func partitioned(by belongsInFirst: (Element) -> Bool) -> ([Element], [Element]) {
        var first: [Element] = []
        var second: [Element] = []
        for element in self {
            if belongsInFirst(element) { first.append(element) } else { second.append(element) }
        }
        return (first, second)
    }
}
