import SentraCore

/// The `type` cell of a survey row, within the subset Sentra reads.
enum SurveyType: Hashable, Sendable {
    /// A field of a Sentra type; `list` for `select_one L` and `select_multiple L`.
    case field(FieldType, list: String?)
    case beginGroup
    case endGroup

    /// The supported types, for messages.
    static let supported = "text, integer, decimal, date, select_one LIST, select_multiple LIST, geopoint, note, calculate, begin group, end group"

    private static let plain: [String: FieldType] = [
        "text": .text, "integer": .integer, "decimal": .decimal, "date": .date,
        "geopoint": .geopoint, "note": .note, "calculate": .calculate,
    ]

    /// Parses a type cell such as `select_one desa` or `begin group`; nil when it is outside the
    /// subset (`begin repeat`, `image`, `select_one L or_other`…).
    init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        switch words.count {
        case 1:
            if let type = Self.plain[words[0]] {
                self = .field(type, list: nil)
            } else if words[0] == "begin_group" {
                self = .beginGroup
            } else if words[0] == "end_group" {
                self = .endGroup
            } else {
                return nil
            }
        case 2:
            switch (words[0], words[1]) {
            case ("begin", "group"): self = .beginGroup
            case ("end", "group"): self = .endGroup
            case ("select_one", let list): self = .field(.choice, list: list)
            case ("select_multiple", let list): self = .field(.multichoice, list: list)
            default: return nil
            }
        default:
            return nil
        }
    }
}
