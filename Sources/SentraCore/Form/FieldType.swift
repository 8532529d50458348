/// The type of a form field, which decides how input is parsed and what values are accepted.
public enum FieldType: String, Hashable, Sendable, Codable, CaseIterable {
    /// Any string, kept as typed: `0812…` stays a string.
    case text
    /// A whole number.
    case integer
    /// A number, stored as a decimal.
    case decimal
    /// `true` or `false`; input also accepts `yes`/`no`, `ya`/`tidak` and `1`/`0`.
    case boolean
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// One of the field's choices.
    case choice
    /// Several of the field's choices, stored as an array; input separates them with `;` or `,`.
    case multichoice
    /// A location, stored as `{"lat": …, "lon": …}`; input is `LAT,LON`.
    case geopoint
    /// Text shown to the enumerator; it holds no value and cannot be set.
    case note
    /// A value the form computes from its `calculation` on every local write; it cannot be set
    /// by hand. Stored as a number when the result is one, otherwise as text.
    case calculate

    /// Whether a person may set the field: false for `note` and `calculate`.
    public var isInput: Bool { self != .note && self != .calculate }

    /// Whether the field picks from a list of choices.
    public var hasChoices: Bool { self == .choice || self == .multichoice }
}
