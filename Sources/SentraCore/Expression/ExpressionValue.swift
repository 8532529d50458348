/// The value of a form expression: a string, a number or a boolean, converted between the three
/// by XPath 1.0's rules, kept simple.
///
/// | from \ to | boolean            | number                          | string                        |
/// |-----------|--------------------|---------------------------------|-------------------------------|
/// | string    | not empty          | a plain decimal, else NaN       | itself                        |
/// | number    | not 0 and not NaN  | itself                          | as JavaScript's `String(n)`   |
/// | boolean   | itself             | 1 or 0                          | `"true"` or `"false"`         |
///
/// ```swift
/// ExpressionValue.string(" 12.5 ").number   // 12.5
/// ExpressionValue.number(3).string          // "3"
/// ExpressionValue(.array([.string("a"), .string("b")]))   // .string("a b")
/// ```
public enum ExpressionValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case boolean(Bool)

    /// A record field's value as an expression sees it.
    ///
    /// - `nil` (a missing field) and `null` are `""`.
    /// - A string is itself, an integer or decimal a number, a boolean a boolean.
    /// - An array (a multichoice answer) is its items as strings, joined with one space.
    /// - A geopoint object `{"lat": …, "lon": …}` is the string `"LAT LON"`; any other object is `""`.
    public init(_ value: FieldValue?) {
        switch value {
        case nil, .null?: self = .string("")
        case .bool(let flag)?: self = .boolean(flag)
        case .integer(let number)?: self = .number(Double(number))
        case .decimal(let number)?: self = .number(number)
        case .string(let text)?: self = .string(text)
        case .array(let items)?: self = .string(items.map { ExpressionValue($0).string }.joined(separator: " "))
        case .object(let members)?:
            if let lat = members["lat"]?.numberValue, let lon = members["lon"]?.numberValue {
                self = .string("\(ExpressionValue.number(lat).string) \(ExpressionValue.number(lon).string)")
            } else {
                self = .string("")
            }
        }
    }

    /// The value as a boolean: a number is true unless 0 or NaN, a string unless empty.
    public var boolean: Bool {
        switch self {
        case .boolean(let flag): flag
        case .number(let number): number != 0 && !number.isNaN
        case .string(let text): !text.isEmpty
        }
    }

    /// The value as a number: a boolean is 1 or 0; a string is read by ``parseDecimal(_:)``, and
    /// is NaN if it is not a plain decimal.
    public var number: Double {
        switch self {
        case .boolean(let flag): flag ? 1 : 0
        case .number(let number): number
        case .string(let text): Self.parseDecimal(text)
        }
    }

    /// The value as a string: a boolean is `"true"` or `"false"`, a number is formatted by
    /// ``format(_:)`` (`3`, `0.5`, `NaN`).
    public var string: String {
        switch self {
        case .boolean(let flag): flag ? "true" : "false"
        case .number(let number): Self.format(number)
        case .string(let text): text
        }
    }
}
