/// A JSON value held by a record field.
///
/// Integers and decimals are kept apart, so `12` stays an integer and `12.5` a decimal. Objects
/// encode with sorted keys, so equal values always encode to equal bytes.
public enum FieldValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case decimal(Double)
    case string(String)
    case array([FieldValue])
    case object([String: FieldValue])

    /// The value as a string, if it is one.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The value as a number, if it is an integer or a decimal.
    public var numberValue: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .decimal(let number): number
        default: nil
        }
    }

    /// A number as JSON reads it back: a whole number is an integer, anything else a decimal.
    ///
    /// JSON has one kind of number, so `12.0` is written `12` and read as `.integer(12)`. Storing it
    /// that way from the start means the writer holds the same value as every peer.
    public static func number(_ number: Double) -> FieldValue {
        number.rounded() == number && abs(number) < 0x1p53 ? .integer(Int64(number)) : .decimal(number)
    }

    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }

    /// The name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .decimal: "decimal"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension FieldValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let decimal = try? container.decode(Double.self) {
            self = .decimal(decimal)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([FieldValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: FieldValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .decimal(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
