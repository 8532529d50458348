/// A node's state for one survey: `GET /v1/surveys/{survey}/state`.
///
/// A client reads it first: the version vector says what to push, the log identity and position
/// say whether its pull cursor is still good, and the time lets it warn about clock skew.
public struct NodeState: Hashable, Sendable, Codable {
    public var `protocol`: Int
    public var node: NodeInfo
    public var survey: String
    /// A random identity of the node's log for this survey. A replaced node has another one.
    public var logId: String
    /// The position of the last change in the node's log.
    public var logPosition: Int64
    public var versionVector: VersionVector
    /// The node's wall clock, in milliseconds since 1970.
    public var serverTime: Int64
    /// The version of each published form the node holds, by form name: a client fetches the
    /// forms (`GET /forms`) when one is newer than its own. Absent from older nodes' answers.
    public var forms: [String: Int64]

    public init(node: NodeInfo, survey: String, logId: String, logPosition: Int64, versionVector: VersionVector, serverTime: Int64,
                forms: [String: Int64] = [:]) {
        self.protocol = SyncProtocol.version
        self.node = node
        self.survey = survey
        self.logId = logId
        self.logPosition = logPosition
        self.versionVector = versionVector
        self.serverTime = serverTime
        self.forms = forms
    }

    private enum CodingKeys: String, CodingKey {
        case `protocol`, node, survey, logId, logPosition, versionVector, serverTime, forms
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(node: try container.decode(NodeInfo.self, forKey: .node), survey: try container.decode(String.self, forKey: .survey),
                  logId: try container.decode(String.self, forKey: .logId), logPosition: try container.decode(Int64.self, forKey: .logPosition),
                  versionVector: try container.decode(VersionVector.self, forKey: .versionVector),
                  serverTime: try container.decode(Int64.self, forKey: .serverTime),
                  forms: try container.decodeIfPresent([String: Int64].self, forKey: .forms) ?? [:])
        self.protocol = try container.decode(Int.self, forKey: .protocol)
    }
}
