/// One field of a form: its name, type, whether it is required, its choices and its policy.
///
/// In a form file:
///
/// ```json
/// {"name": "desa", "type": "choice", "required": true, "choices": ["Cibarusah Kota", "Sindangmulya"]}
/// ```
public struct FieldDefinition: Hashable, Sendable {
    public var name: String
    public var type: FieldType
    public var label: String?
    public var required: Bool
    /// The allowed values of a `choice` or `multichoice` field.
    public var choices: [String]?
    public var policy: ConflictPolicy

    public init(name: String, type: FieldType, label: String? = nil, required: Bool = false, choices: [String]? = nil, policy: ConflictPolicy = .flag) {
        self.name = name
        self.type = type
        self.label = label
        self.required = required
        self.choices = choices
        self.policy = policy
    }
}

extension FieldDefinition: Codable {
    private enum CodingKeys: String, CodingKey { case name, type, label, required, choices, policy }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(FieldType.self, forKey: .type)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        choices = try container.decodeIfPresent([String].self, forKey: .choices)
        policy = try container.decodeIfPresent(ConflictPolicy.self, forKey: .policy) ?? .flag
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encode(required, forKey: .required)
        try container.encodeIfPresent(choices, forKey: .choices)
        try container.encode(policy, forKey: .policy)
    }
}
