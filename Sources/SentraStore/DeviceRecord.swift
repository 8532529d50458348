public import SentraCore

/// One device in a node's registry: a node bound to one of the node's tokens, what it last said
/// it holds, and when it synced.
///
/// `sentra devices` lists them, and `GET /v1/devices` serves them to the office.
public struct DeviceRecord: Hashable, Sendable, Codable {
    /// The device's node ID: the token's binding.
    public var node: NodeID
    /// The name the device last gave, if it has synced.
    public var name: String?
    /// The token it syncs with.
    public var token: String
    /// The token's role.
    public var role: String
    /// The one survey the token may use, or nil for every survey.
    public var survey: String?
    /// When it first and last synced, as ISO 8601; nil for a token bound at creation that has not
    /// synced yet.
    public var firstSync: String?
    public var lastSync: String?
    /// Whether the token is revoked.
    public var revoked: Bool
    /// Per survey, the version vector the device last reported: what it holds.
    public var holds: [String: VersionVector]

    public init(node: NodeID, name: String?, token: String, role: String, survey: String?, firstSync: String?, lastSync: String?,
                revoked: Bool, holds: [String: VersionVector]) {
        self.node = node
        self.name = name
        self.token = token
        self.role = role
        self.survey = survey
        self.firstSync = firstSync
        self.lastSync = lastSync
        self.revoked = revoked
        self.holds = holds
    }

    private enum CodingKeys: String, CodingKey { case node, name, token, role, survey, firstSync, lastSync, revoked, holds }

    /// Writes absent values as null, so every entry has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(node, forKey: .node)
        try container.encode(name, forKey: .name)
        try container.encode(token, forKey: .token)
        try container.encode(role, forKey: .role)
        try container.encode(survey, forKey: .survey)
        try container.encode(firstSync, forKey: .firstSync)
        try container.encode(lastSync, forKey: .lastSync)
        try container.encode(revoked, forKey: .revoked)
        try container.encode(holds, forKey: .holds)
    }
}
