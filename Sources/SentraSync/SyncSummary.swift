public import SentraCore

/// What one sync did, as `sentra sync` reports it.
public struct SyncSummary: Hashable, Sendable, Codable {
    public var peer: NodeInfo
    public var survey: String
    /// Changes the peer applied from us.
    public var pushed: Int
    /// Changes we applied from the peer.
    public var pulled: Int
    /// Conflicts that appeared here, from pulled changes.
    public var newConflicts: Int
    public var bytesSent: Int
    public var bytesReceived: Int
    /// How far the peer's clock is from ours, in milliseconds (positive: the peer is ahead).
    public var clockOffset: Int64
    /// Changes, pushed or pulled, whose HLC was too far ahead of the receiver's wall clock for its
    /// clock to follow (see ``Replica/maxClockAhead``): their writer's clock is probably wrong.
    public var clockAhead: Int
    /// Whether the peer's log was not the one the cursors belonged to (replaced or restored).
    public var peerReset: Bool
    /// The forms this sync brought that were newer than ours: name → the version now held.
    public var formsUpdated: [String: Int64]

    public init(peer: NodeInfo, survey: String) {
        self.peer = peer
        self.survey = survey
        pushed = 0
        pulled = 0
        newConflicts = 0
        bytesSent = 0
        bytesReceived = 0
        clockOffset = 0
        clockAhead = 0
        peerReset = false
        formsUpdated = [:]
    }
}

extension SyncSummary {
    /// A warning for people when some changes carried clocks too far ahead, or nil.
    public var clockAheadWarning: String? {
        guard clockAhead > 0 else { return nil }
        let changes = clockAhead == 1 ? "1 change" : "\(clockAhead) changes"
        return "\(changes) synced with \(peer.name) carried a clock too far ahead of the receiver's: they were kept, "
            + "but the writer's clock is probably wrong (check the device's date); the receiving clock did not follow"
    }
}
