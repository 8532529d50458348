/// Concurrent writes that a replica keeps side by side until someone resolves them.
///
/// A *field conflict* is a field holding two or more entries. A *delete/edit conflict*
/// (``field`` is `nil`) is a deleted record that still holds field entries written
/// concurrently with, or after, the deletion.
public struct Conflict: Hashable, Sendable {
    public var record: String
    /// The field in conflict, or `nil` for a delete/edit conflict.
    public var field: String?
    /// The entries involved, sorted by dot. For a delete/edit conflict, the surviving user entries,
    /// by field name and then by dot.
    public var entries: [FieldEntry]

    public init(record: String, field: String?, entries: [FieldEntry]) {
        self.record = record
        self.field = field
        self.entries = entries
    }

    /// The entry every replica displays while the conflict lasts.
    public var displayWinner: FieldEntry? { entries.displayWinner }
}
