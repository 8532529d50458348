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
        /// A value breaks its field's constraint.
        public static let constraintFailed = Code(rawValue: "constraint_failed")
        /// A value is given for a field that is not relevant to the record.
        public static let notRelevant = Code(rawValue: "not_relevant")
    }

    public var code: Code
    public var message: String
    /// The form field the error is about, when there is one.
    public var field: String?
    /// The property of that field (a form file's key, as ``FieldDefinition/CodingKeys`` names it:
    /// `constraint`, `choice_filter`…) or of the form (`version`), when the error is about one.
    public var property: String?
    /// The form section the error is about, when it is a section's and not a field's.
    public var section: String?
    /// What is wrong, without the form, field or section and property that ``message`` names: for
    /// a caller that names the place itself, such as a spreadsheet cell.
    public var reason: String?

    public init(_ code: Code, _ message: String, field: String? = nil, property: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.property = property
    }

    public var description: String { message }
}
