public import SentraCore

/// A device token as the replica stores it: never the token itself, only its hash.
public struct TokenRecord: Hashable, Sendable, Codable {
    public var name: String
    /// The SHA-256 of the token, in hex.
    public var hash: String
    /// `enumerator`, `office` or `admin`.
    public var role: String
    /// The one survey the token may use, or nil for every survey.
    public var survey: String?
    public var createdAt: String
    public var revokedAt: String?
    /// The node the token is bound to: named at creation, or the first node that synced with it.
    /// Nil until then.
    public var node: NodeID?
    /// When a node first synced with the token, as ISO 8601.
    public var firstSync: String?
    /// When a node last synced with the token, as ISO 8601, to within a minute.
    public var lastSync: String?

    public init(name: String, hash: String, role: String, survey: String?, createdAt: String, revokedAt: String? = nil,
                node: NodeID? = nil, firstSync: String? = nil, lastSync: String? = nil) {
        self.name = name
        self.hash = hash
        self.role = role
        self.survey = survey
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.node = node
        self.firstSync = firstSync
        self.lastSync = lastSync
    }

    /// Whether the token still opens the API.
    public var isActive: Bool { revokedAt == nil }
}
