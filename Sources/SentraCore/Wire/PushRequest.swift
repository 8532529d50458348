/// A batch of changes a client sends: `POST /v1/surveys/{survey}/push`.
///
/// The server applies the batch in one transaction, causally and idempotently: changes it holds
/// are skipped, and a batch with a gap is refused whole.
public struct PushRequest: Hashable, Sendable, Codable {
    public var `protocol`: Int
    /// The client.
    public var sender: NodeInfo
    /// The client's version vector, so the server knows what it holds.
    public var versionVector: VersionVector
    /// Names of nodes the client knows, so the server can show authors by name.
    public var nodes: [NodeInfo]
    /// In the client's log order, which respects causality.
    public var changes: [Change]

    public init(sender: NodeInfo, versionVector: VersionVector, nodes: [NodeInfo], changes: [Change]) {
        self.protocol = SyncProtocol.version
        self.sender = sender
        self.versionVector = versionVector
        self.nodes = nodes
        self.changes = changes
    }
}

/// What the server did with a push.
public struct PushResponse: Hashable, Sendable, Codable {
    public var `protocol`: Int
    public var applied: Int
    public var skipped: Int
    public var newConflicts: Int
    /// The server's version vector after the batch.
    public var versionVector: VersionVector
    /// How many applied changes carried an HLC too far ahead of the server's wall clock for its
    /// clock to follow; absent when none did. The sender's clock is probably wrong.
    public var clockAhead: Int?

    public init(applied: Int, skipped: Int, newConflicts: Int, versionVector: VersionVector, clockAhead: Int? = nil) {
        self.protocol = SyncProtocol.version
        self.applied = applied
        self.skipped = skipped
        self.newConflicts = newConflicts
        self.versionVector = versionVector
        self.clockAhead = clockAhead
    }
}
