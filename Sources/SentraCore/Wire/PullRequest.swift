/// A request for changes: `POST /v1/surveys/{survey}/pull`.
///
/// The server reads its log after `after` and returns, in log order, up to `limit` changes that
/// `versionVector` does not cover. The cursor only saves work: when `logId` is not the server's,
/// the server starts from the beginning, and the version vector still keeps anything the client
/// holds from being sent.
public struct PullRequest: Hashable, Sendable, Codable {
    public var `protocol`: Int
    /// The client, so the server learns its name and what it holds.
    public var receiver: NodeInfo
    /// The server's log position the client has read up to; 0 to start.
    public var after: Int64
    /// The log identity `after` belongs to.
    public var logId: String?
    /// What the client holds.
    public var versionVector: VersionVector
    /// The most changes to return; the server may return fewer.
    public var limit: Int

    public init(receiver: NodeInfo, after: Int64, logId: String?, versionVector: VersionVector, limit: Int) {
        self.protocol = SyncProtocol.version
        self.receiver = receiver
        self.after = after
        self.logId = logId
        self.versionVector = versionVector
        self.limit = limit
    }
}

/// A batch of changes from the server's log.
public struct PullResponse: Hashable, Sendable, Codable {
    public var `protocol`: Int
    public var logId: String
    /// In the server's log order, which respects causality.
    public var changes: [Change]
    /// The cursor for the next pull: the log position this batch read up to.
    public var next: Int64
    /// Whether the log holds more after `next`.
    public var more: Bool
    /// Names of the nodes the server knows.
    public var nodes: [NodeInfo]

    public init(logId: String, changes: [Change], next: Int64, more: Bool, nodes: [NodeInfo]) {
        self.protocol = SyncProtocol.version
        self.logId = logId
        self.changes = changes
        self.next = next
        self.more = more
        self.nodes = nodes
    }
}
