/// One write by one node: the unit that is logged, replicated and merged.
///
/// A change names itself with a ``Dot``, carries the writer's ``HybridTimestamp``, and the
/// record's causal *context* as the writer knew it: the highest counter per origin among that
/// record's changes it had applied. Applying the change removes every entry its context covers
/// from the fields it touches (see ``RecordState/apply(_:)``).
public struct Change: Hashable, Sendable {
    /// What a change does to its record.
    public enum Operation: Hashable, Sendable {
        /// Sets each named field to a value. The reserved field ``FieldName/deleted`` may be set
        /// to `false` to restore a deleted record.
        case assign([String: FieldValue])
        /// Removes every field entry the context covers and marks the record deleted.
        case delete
    }

    public var dot: Dot
    public var hlc: HybridTimestamp
    /// The record's ID, unique within its survey.
    public var record: String
    /// The form the writer filed the record under.
    public var form: String
    /// The record's context as the writer knew it, before this change.
    public var context: VersionVector
    public var operation: Operation

    public init(dot: Dot, hlc: HybridTimestamp, record: String, form: String, context: VersionVector, operation: Operation) {
        self.dot = dot
        self.hlc = hlc
        self.record = record
        self.form = form
        self.context = context
        self.operation = operation
    }

    /// The field assignments this change makes, with a deletion written as `_deleted = true`.
    public var assignments: [String: FieldValue] {
        switch operation {
        case .assign(let values): values
        case .delete: [FieldName.deleted: .bool(true)]
        }
    }

    /// Why `values` cannot be the `set` of a change, or nil when they can.
    ///
    /// A change assigns at least one field; each name is a user field (``FieldName/isValidUserField(_:)``)
    /// or the reserved ``FieldName/deleted`` set to `false`, which restores a deleted record, or the
    /// reserved ``FieldName/review`` set to a well-formed ``Review``. A deletion is written as
    /// ``Operation/delete``, never as `_deleted: true`.
    public static func invalidAssignment(_ values: [String: FieldValue]) -> String? {
        if values.isEmpty { return "\"set\" assigns no field; a change assigns at least one" }
        for (field, value) in values where !FieldName.isValidUserField(field) {
            if field == FieldName.deleted {
                if value != .bool(false) { return "\"set\" may hold \"_deleted\" only as false (a restore); a deletion is \"delete\": true" }
            } else if field == FieldName.review {
                if Review(value) == nil {
                    return "\"_review\" must be {\"state\": one of \(ReviewState.allCases.map(\.rawValue).joined(separator: ", ")), \"note\": text, \"by\": text}"
                }
            } else {
                return "invalid field \"\(field)\""
            }
        }
        return nil
    }

    /// The number of field values this change carries.
    public var fieldCount: Int {
        if case .assign(let values) = operation { values.count } else { 1 }
    }
}

extension Change: Codable {
    private enum CodingKeys: String, CodingKey {
        case origin, counter, hlc, record, form, context, set, delete
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let counter = try container.decode(Int.self, forKey: .counter)
        guard counter >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .counter, in: container, debugDescription: "counter must be at least 1")
        }
        dot = Dot(origin: try container.decode(NodeID.self, forKey: .origin), counter: counter)
        hlc = try container.decode(HybridTimestamp.self, forKey: .hlc)
        record = try container.decode(String.self, forKey: .record)
        form = try container.decode(String.self, forKey: .form)
        context = try container.decode(VersionVector.self, forKey: .context)
        let values = try container.decodeIfPresent([String: FieldValue].self, forKey: .set)
        let delete = try container.decodeIfPresent(Bool.self, forKey: .delete) ?? false
        switch (values, delete) {
        case (let values?, false): operation = .assign(values)
        case (nil, true): operation = .delete
        default:
            throw DecodingError.dataCorruptedError(forKey: .set, in: container, debugDescription: "a change has either \"set\" or \"delete\": true")
        }
        guard RecordID.isValid(record) else {
            throw DecodingError.dataCorruptedError(forKey: .record, in: container, debugDescription: "invalid record ID")
        }
        guard FormDefinition.isValidName(form) else {
            throw DecodingError.dataCorruptedError(forKey: .form, in: container, debugDescription: "invalid form name")
        }
        if let values, let reason = Change.invalidAssignment(values) {
            throw DecodingError.dataCorruptedError(forKey: .set, in: container, debugDescription: reason)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dot.origin, forKey: .origin)
        try container.encode(dot.counter, forKey: .counter)
        try container.encode(hlc, forKey: .hlc)
        try container.encode(record, forKey: .record)
        try container.encode(form, forKey: .form)
        try container.encode(context, forKey: .context)
        switch operation {
        case .assign(let values): try container.encode(values, forKey: .set)
        case .delete: try container.encode(true, forKey: .delete)
        }
    }
}
