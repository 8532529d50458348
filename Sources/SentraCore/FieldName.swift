/// Rules and reserved names for record fields.
public enum FieldName {
    /// The reserved field that marks a record deleted: a deletion writes `true`, a restore `false`.
    public static let deleted = "_deleted"

    /// Whether `name` may be written by a user: 1 to 64 characters from `[A-Za-z0-9_-]`, not
    /// starting with `_`, which is reserved.
    public static func isValidUserField(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "_"), name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
    }
}
