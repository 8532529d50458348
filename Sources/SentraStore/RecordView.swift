public import SentraCore

/// A record as inspect commands and exports show it: display values, conflicts, every entry
/// with its author, and the record's context.
public struct RecordView: Hashable, Sendable, Encodable {
    public var id: String
    public var form: String
    public var deleted: Bool
    /// The display winner of each field.
    public var fields: [String: FieldValue]
    /// The record's conflicts, as the form's policies present them.
    public var conflicts: [ConflictView]
    /// Every entry of every field, `_deleted` included.
    public var entries: [String: [EntryView]]
    /// The record's causal context.
    public var context: VersionVector

    package init(state: RecordState, form: FormDefinition?, names: [NodeID: String]) {
        id = state.id
        self.form = state.form
        deleted = state.isDeleted
        fields = state.displayValues
        conflicts = state.conflicts(presentedBy: form).map { ConflictView($0, names: names) }
        entries = state.fields.mapValues { $0.map { EntryView($0, names: names) } }
        context = state.context
    }
}

/// One field entry with its author.
public struct EntryView: Hashable, Sendable, Encodable {
    public var value: FieldValue
    /// The ID of the node that wrote it.
    public var node: NodeID
    /// That node's name, when this replica knows it.
    public var nodeName: String?
    public var counter: Int
    public var hlc: HybridTimestamp
    /// The HLC's physical time, ISO 8601.
    public var time: String

    init(_ entry: FieldEntry, names: [NodeID: String]) {
        value = entry.value
        node = entry.dot.origin
        nodeName = names[entry.dot.origin]
        counter = entry.dot.counter
        hlc = entry.hlc
        time = ISO8601Time(milliseconds: entry.hlc.physical).text
    }
}

/// A conflict with its values and their authors. `field` is null for a delete/edit conflict.
public struct ConflictView: Hashable, Sendable, Encodable {
    public var record: String
    public var field: String?
    public var values: [EntryView]
    /// The value every replica displays meanwhile.
    public var displayed: FieldValue?

    init(_ conflict: Conflict, names: [NodeID: String]) {
        record = conflict.record
        field = conflict.field
        values = conflict.entries.map { EntryView($0, names: names) }
        displayed = conflict.field == nil ? nil : conflict.displayWinner?.value
    }

    private enum CodingKeys: String, CodingKey { case record, field, values, displayed }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record, forKey: .record)
        try container.encode(field, forKey: .field)
        try container.encode(values, forKey: .values)
        try container.encodeIfPresent(displayed, forKey: .displayed)
    }
}
