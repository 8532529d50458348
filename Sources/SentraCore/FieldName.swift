/// Rules and reserved names for record fields.
public enum FieldName {
    /// The reserved field that marks a record deleted: a deletion writes `true`, a restore `false`.
    public static let deleted = "_deleted"
    /// The reserved field that holds the office's review of a record (``Review``, decision 0013).
    public static let review = "_review"

    /// Names that exports use for their own columns, so no field may take them.
    public static let exportColumns: Set<String> = Set(["id", "form", "conflict", "deleted"]).union(reviewColumns)

    /// The export's review columns, in order (decision 0013).
    public static let reviewColumnOrder = ["review_state", "review_note", "reviewer", "review_time"]
    static let reviewColumns = Set(reviewColumnOrder)

    /// The reserved names, as messages list them.
    public static let reservedList = "id, form, conflict, deleted, review_state, review_note, reviewer or review_time"

    /// Whether `name` may be written by a user: 1 to 64 characters from `[A-Za-z0-9_-]`, not
    /// starting with `_`, and not one of ``exportColumns``.
    public static func isValidUserField(_ name: String) -> Bool {
        FormDefinition.isValidName(name) && !exportColumns.contains(name)
    }
}
