public import SentraCore

/// What a replica remembers of a sync peer for one survey, to resume where it stopped.
public struct PeerCursor: Hashable, Sendable, Codable {
    public var peer: NodeInfo
    /// The peer's log identity the pull cursor belongs to.
    public var logId: String?
    /// The position in the peer's log read up to.
    public var pullCursor: Int64
    /// The position in the local log up to which the peer holds every change.
    public var pushCursor: Int64
    /// What the peer held when last heard from.
    public var versionVector: VersionVector

    public init(peer: NodeInfo, logId: String?, pullCursor: Int64, pushCursor: Int64, versionVector: VersionVector) {
        self.peer = peer
        self.logId = logId
        self.pullCursor = pullCursor
        self.pushCursor = pushCursor
        self.versionVector = versionVector
    }
}
