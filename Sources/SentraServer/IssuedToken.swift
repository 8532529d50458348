public import SentraCore

/// A newly issued token: `POST /v1/tokens` answers with it, and `sentra token create --json`
/// prints it. The only time the token itself is shown.
public struct IssuedToken: Hashable, Sendable, Codable {
    public var name: String
    public var role: Role
    /// The one survey the token may use, or null for every survey.
    public var survey: String?
    /// The node the token is bound to, or null: then the first node that syncs with it.
    public var node: NodeID?
    /// The bearer token, `sentra_` and 64 hex digits.
    public var token: String

    public init(name: String, role: Role, survey: String?, node: NodeID? = nil, token: String) {
        self.name = name
        self.role = role
        self.survey = survey
        self.node = node
        self.token = token
    }

    private enum CodingKeys: String, CodingKey { case name, role, survey, node, token }

    /// Writes `survey` and `node` as null when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(survey, forKey: .survey)
        try container.encode(node, forKey: .node)
        try container.encode(token, forKey: .token)
    }
}
