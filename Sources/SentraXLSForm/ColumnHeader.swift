/// A column header split at `::` into its base and language: `label::English (en)` is `label`
/// in `English (en)`, and `label` alone has no language.
struct ColumnHeader: Hashable, Sendable {
    var base: String
    var language: String?

    init(_ header: String) {
        guard let range = header.range(of: "::") else {
            base = header
            language = nil
            return
        }
        base = header[..<range.lowerBound].trimmingWhitespace
        language = header[range.upperBound...].trimmingWhitespace
    }

    /// The columns that may be written in several languages.
    static let localized: Set<String> = ["label", "hint", "required_message", "constraint_message"]
}
