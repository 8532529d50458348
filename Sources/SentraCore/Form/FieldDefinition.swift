/// One field of a form: its name, type, labels, rules and conflict policy.
///
/// In a form file (keys as XLSForm names its columns):
///
/// ```json
/// {"name": "pekerja_perempuan", "type": "integer", "label": {"Indonesian (id)": "Pekerja perempuan"},
///  "constraint": ". >= 0 and . <= 500", "constraint_message": "0 sampai 500"}
/// ```
///
/// `constraint`, `relevant`, `choice_filter` and `calculation` are expressions (Docs/expressions.md).
public struct FieldDefinition: Hashable, Sendable {
    public var name: String
    public var type: FieldType
    public var label: LocalizedText?
    public var hint: LocalizedText?
    public var required: Bool
    /// Said instead of the standard message when a required field is missing.
    public var requiredMessage: LocalizedText?
    /// An expression that a value must make true; `.` is the value.
    public var constraint: String?
    /// Said when the constraint is false.
    public var constraintMessage: LocalizedText?
    /// An expression: the field is asked, and may hold a value, only where it is true.
    public var relevant: String?
    /// The value a new record starts with when the write does not give one, as text parsed by
    /// the field's type.
    public var defaultValue: String?
    /// An expression that keeps a choice where it is true; bare names are the choice's columns.
    public var choiceFilter: String?
    /// The expression a `calculate` field holds the value of.
    public var calculation: String?
    /// The allowed values of a `choice` or `multichoice` field.
    public var choices: [Choice]?
    /// The form section (XLSForm group) the field is in.
    public var section: String?
    public var policy: ConflictPolicy

    public init(name: String, type: FieldType, label: LocalizedText? = nil, hint: LocalizedText? = nil, required: Bool = false,
                requiredMessage: LocalizedText? = nil, constraint: String? = nil, constraintMessage: LocalizedText? = nil,
                relevant: String? = nil, defaultValue: String? = nil, choiceFilter: String? = nil, calculation: String? = nil,
                choices: [Choice]? = nil, section: String? = nil, policy: ConflictPolicy = .flag) {
        self.name = name
        self.type = type
        self.label = label
        self.hint = hint
        self.required = required
        self.requiredMessage = requiredMessage
        self.constraint = constraint
        self.constraintMessage = constraintMessage
        self.relevant = relevant
        self.defaultValue = defaultValue
        self.choiceFilter = choiceFilter
        self.calculation = calculation
        self.choices = choices
        self.section = section
        self.policy = policy
    }

    /// The choice named `name`, if the field has it.
    public func choice(_ name: String) -> Choice? {
        choices?.first { $0.name == name }
    }
}

extension FieldDefinition: Codable {
    /// The keys of a field in a form file; each names the property it sets in errors, too.
    public enum CodingKeys: String, CodingKey, Sendable {
        case name, type, label, hint, required, policy, constraint, relevant, calculation, choices, section
        case requiredMessage = "required_message"
        case constraintMessage = "constraint_message"
        case defaultValue = "default"
        case choiceFilter = "choice_filter"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(FieldType.self, forKey: .type)
        label = try container.decodeIfPresent(LocalizedText.self, forKey: .label)
        hint = try container.decodeIfPresent(LocalizedText.self, forKey: .hint)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        requiredMessage = try container.decodeIfPresent(LocalizedText.self, forKey: .requiredMessage)
        constraint = try container.decodeIfPresent(String.self, forKey: .constraint)
        constraintMessage = try container.decodeIfPresent(LocalizedText.self, forKey: .constraintMessage)
        relevant = try container.decodeIfPresent(String.self, forKey: .relevant)
        defaultValue = try container.decodeIfPresent(String.self, forKey: .defaultValue)
        choiceFilter = try container.decodeIfPresent(String.self, forKey: .choiceFilter)
        calculation = try container.decodeIfPresent(String.self, forKey: .calculation)
        choices = try container.decodeIfPresent([Choice].self, forKey: .choices)
        section = try container.decodeIfPresent(String.self, forKey: .section)
        policy = try container.decodeIfPresent(ConflictPolicy.self, forKey: .policy) ?? .flag
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encodeIfPresent(hint, forKey: .hint)
        try container.encode(required, forKey: .required)
        try container.encodeIfPresent(requiredMessage, forKey: .requiredMessage)
        try container.encodeIfPresent(constraint, forKey: .constraint)
        try container.encodeIfPresent(constraintMessage, forKey: .constraintMessage)
        try container.encodeIfPresent(relevant, forKey: .relevant)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try container.encodeIfPresent(choiceFilter, forKey: .choiceFilter)
        try container.encodeIfPresent(calculation, forKey: .calculation)
        try container.encodeIfPresent(choices, forKey: .choices)
        try container.encodeIfPresent(section, forKey: .section)
        try container.encode(policy, forKey: .policy)
    }
}
