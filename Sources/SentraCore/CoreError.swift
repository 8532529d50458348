/// An error from SentraCore: a code callers can match, and a message a person can act on.
///
/// ```swift
/// do { try form.parse(field: "workers", text: "many") }
/// catch let error as CoreError where error.code == .invalidValue { print(error.message) }
/// ```
public struct CoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A kind of core error.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A value does not fit its field's definition.
        public static let invalidValue = Code(rawValue: "invalid_value")
        /// A field is not defined by the form, or its name is not allowed.
        public static let unknownField = Code(rawValue: "unknown_field")
        /// A required field is missing or null.
        public static let missingField = Code(rawValue: "missing_field")
        /// A form definition is not valid.
        public static let invalidForm = Code(rawValue: "invalid_form")
        /// Text could not be parsed.
        public static let malformed = Code(rawValue: "malformed")
        /// JSON that is not a valid change.
        public static let invalidChange = Code(rawValue: "invalid_change")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
