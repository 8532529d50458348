/// What an expression is evaluated against: the field being checked, the record's other fields,
/// the choice being filtered, and today's date.
///
/// ```swift
/// let context = ExpressionContext(current: .integer(250), fields: ["sektor": .string("pangan")], today: "2026-12-02")
/// try FormExpression.parse(". >= 0 and . <= 500").evaluate(context)   // .boolean(true)
/// ```
public struct ExpressionContext: Sendable {
    /// The value of `.`, the field the expression belongs to; `nil` reads as `""`.
    public var current: FieldValue?
    /// The record's fields, read by `${name}`; a missing field reads as `""`.
    public var fields: [String: FieldValue]
    /// The columns of the choice being filtered, read by bare names in a choice_filter; a missing
    /// column reads as `""`.
    public var choice: [String: String]
    /// Today's date as `YYYY-MM-DD`, the value of `today()`. The caller passes it in, so tests
    /// control time.
    public var today: String

    public init(current: FieldValue? = nil, fields: [String: FieldValue] = [:], choice: [String: String] = [:], today: String) {
        self.current = current
        self.fields = fields
        self.choice = choice
        self.today = today
    }
}
