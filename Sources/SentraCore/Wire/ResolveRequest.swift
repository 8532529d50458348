/// The office resolves a record's conflicts: `POST /v1/surveys/{survey}/records/{id}/resolve`.
///
/// Exactly one of `fields`, `restore` and `delete` is given, as in `sentra resolve`.
public struct ResolveRequest: Hashable, Sendable, Codable {
    /// Values for fields in conflict, as JSON values checked against the form.
    public var fields: [String: FieldValue]?
    /// Brings a deleted record back with its surviving values.
    public var restore: Bool?
    /// Deletes the record again.
    public var delete: Bool?

    public init(fields: [String: FieldValue]? = nil, restore: Bool? = nil, delete: Bool? = nil) {
        self.fields = fields
        self.restore = restore
        self.delete = delete
    }
}
