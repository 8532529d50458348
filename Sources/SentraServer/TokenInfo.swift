public import SentraCore
public import SentraStore

/// A token as `GET /v1/tokens` and `sentra token list` show it: never the token or its hash.
public struct TokenInfo: Hashable, Sendable, Codable {
    public var name: String
    public var role: String
    /// The one survey the token may use, or null for every survey.
    public var survey: String?
    public var createdAt: String
    /// When it was revoked, or null while it is active.
    public var revokedAt: String?
    /// The node the token is bound to, or null until a node first syncs with it.
    public var node: NodeID?
    /// When a node last synced with it, or null.
    public var lastSync: String?

    public init(_ record: TokenRecord) {
        name = record.name
        role = record.role
        survey = record.survey
        createdAt = record.createdAt
        revokedAt = record.revokedAt
        node = record.node
        lastSync = record.lastSync
    }

    private enum CodingKeys: String, CodingKey { case name, role, survey, createdAt, revokedAt, node, lastSync }

    /// Writes absent values as null, so every entry has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(survey, forKey: .survey)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(revokedAt, forKey: .revokedAt)
        try container.encode(node, forKey: .node)
        try container.encode(lastSync, forKey: .lastSync)
    }
}
