public import SentraCore

/// What the sync daemon last reported, kept in the replica so `sentra status` can show it from
/// another process.
public struct DaemonStatus: Hashable, Sendable, Codable {
    /// What the daemon is doing.
    public enum State: String, Hashable, Sendable, Codable {
        /// A sync is running.
        case syncing
        /// The last sync succeeded; waiting for a write or the interval.
        case idle
        /// The last sync failed; waiting out the backoff.
        case backoff
        /// The daemon has stopped.
        case stopped
    }

    /// The peer's URL.
    public var url: String
    /// The peer, once a sync has reached it.
    public var peer: NodeInfo?
    public var state: State
    /// The daemon's process ID.
    public var pid: Int32
    /// Times as ISO 8601.
    public var lastAttempt: String?
    public var lastSuccess: String?
    public var lastError: String?
    public var nextAttempt: String?
    public var consecutiveFailures: Int

    public init(url: String, peer: NodeInfo? = nil, state: State, pid: Int32, lastAttempt: String? = nil, lastSuccess: String? = nil,
                lastError: String? = nil, nextAttempt: String? = nil, consecutiveFailures: Int = 0) {
        self.url = url
        self.peer = peer
        self.state = state
        self.pid = pid
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.lastError = lastError
        self.nextAttempt = nextAttempt
        self.consecutiveFailures = consecutiveFailures
    }
}
