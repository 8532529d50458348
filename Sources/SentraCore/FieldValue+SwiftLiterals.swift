/// Literals for field values, so that code and tests can write `["nama_usaha": "Maju", "pekerja": 7]`.
extension FieldValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral text: String) { self = .string(text) }
    public init(integerLiteral number: Int64) { self = .integer(number) }
    public init(booleanLiteral flag: Bool) { self = .bool(flag) }
    public init(floatLiteral number: Double) { self = .decimal(number) }
}
