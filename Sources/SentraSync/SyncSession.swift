public import SentraCore
public import SentraStore

/// One sync of one survey with one peer, as a state machine with no I/O.
///
/// The session decides what to do; a driver (``SyncDriver``) does it, over a ``SyncTransport``
/// and the local ``Replica``, and reports back through the event methods. Each event returns the
/// actions to carry out, in order:
///
/// 1. ``start()`` asks for the peer's state.
/// 2. ``peerStateReceived(_:savedCursor:now:)`` checks the protocol, the clock and the cursors,
///    and asks for local changes the peer lacks.
/// 3. Batches are pushed until none are left, then pulled until the peer has no more.
///
/// Cursors are saved after every acknowledged batch, so an interruption at any point loses
/// nothing and the next sync resumes without re-sending what the peer acknowledged. When the peer
/// is not the log the cursors belong to (replaced, or restored from a backup), both cursors go
/// back to the start and the version vectors alone decide what moves.
public struct SyncSession: Sendable {
    /// Batch sizes and warnings.
    public struct Configuration: Hashable, Sendable {
        /// Changes per pushed batch.
        public var pushBatch: Int
        /// Changes asked for per pull.
        public var pullBatch: Int
        /// The clock difference, in milliseconds, above which the session warns.
        public var clockSkewWarning: Int64

        public init(pushBatch: Int = 2_000, pullBatch: Int = 2_000, clockSkewWarning: Int64 = 10 * 60 * 1_000) {
            self.pushBatch = pushBatch
            self.pullBatch = pullBatch
            self.clockSkewWarning = clockSkewWarning
        }
    }

    /// What the driver must do next.
    public enum Action: Hashable, Sendable {
        /// Ask the peer for its ``NodeState``.
        case fetchPeerState
        /// Fetch the peer's published forms and keep those newer than ours; report with
        /// ``formsReceived(_:)``.
        case fetchForms
        /// Read up to `limit` local changes after log position `after` that `excluding` does not cover.
        case readLocalChanges(after: Int64, excluding: VersionVector, limit: Int)
        /// Send these changes as one batch.
        case push([Change])
        /// Ask for the next batch.
        case pull(PullRequest)
        /// Apply a pulled batch in one transaction.
        case apply(PullResponse, from: NodeInfo)
        /// Save the cursor: the batches before it are acknowledged.
        case saveCursor(PeerCursor)
        /// Tell the user the peer's clock is this many milliseconds ahead (negative: behind).
        case warnClockSkew(Int64)
        /// Tell the user the peer's log is not the one the cursors were for.
        case warnPeerReset(String)
        /// The sync is complete.
        case finish(SyncSummary)
    }

    private enum State: Hashable, Sendable {
        case idle
        case awaitingPeerState
        case readingLocal
        case pushing(upTo: Int64, more: Bool)
        case pulling
        case applying(next: Int64, logId: String, more: Bool)
        case finished
    }

    public let local: NodeInfo
    public let survey: String
    public let configuration: Configuration
    private var state = State.idle
    private var cursor: PeerCursor?
    private var localHolds: VersionVector
    /// The version of each form the local replica holds, by name.
    private let localForms: [String: Int64]
    /// What the peer's state said it held: after the last pull, the local replica must hold it all.
    private var peerHeld = VersionVector()
    /// Whether the pull already went back to the start of the peer's log once.
    private var pullRestarted = false
    private var summary: SyncSummary?

    /// - Parameters:
    ///   - localVersionVector: what the local replica holds as the sync starts.
    ///   - localForms: the version of each form the local replica holds, by name.
    public init(local: NodeInfo, survey: String, localVersionVector: VersionVector, localForms: [String: Int64] = [:],
                configuration: Configuration = Configuration()) {
        self.local = local
        self.survey = survey
        self.configuration = configuration
        localHolds = localVersionVector
        self.localForms = localForms
    }

    /// The summary so far, once the peer is known.
    public var progress: SyncSummary? { summary }

    /// Begins the sync.
    public mutating func start() -> [Action] {
        precondition(state == .idle, "a sync session starts once")
        state = .awaitingPeerState
        return [.fetchPeerState]
    }

    /// The peer's state arrived, with the cursor saved for that peer, if any.
    public mutating func peerStateReceived(_ peer: NodeState, savedCursor: PeerCursor?, now: Int64) throws(SyncError) -> [Action] {
        precondition(state == .awaitingPeerState, "unexpected peer state")
        try Self.checkProtocol(peer.protocol)
        guard peer.survey == survey else {
            throw SyncError(.peer, "the peer answered for survey \(peer.survey), not \(survey)")
        }
        var actions: [Action] = []
        var summary = SyncSummary(peer: peer.node, survey: survey)
        summary.clockOffset = peer.serverTime - now
        if abs(summary.clockOffset) > configuration.clockSkewWarning {
            actions.append(.warnClockSkew(summary.clockOffset))
        }
        var cursor = savedCursor ?? PeerCursor(peer: peer.node, logId: peer.logId, pullCursor: 0, pushCursor: 0, versionVector: VersionVector())
        cursor.peer = peer.node
        if let reason = Self.resetReason(saved: savedCursor, peer: peer) {
            cursor.logId = peer.logId
            cursor.pullCursor = 0
            cursor.pushCursor = 0
            summary.peerReset = true
            actions.append(.warnPeerReset(reason))
        }
        cursor.versionVector = peer.versionVector
        peerHeld = peer.versionVector
        self.cursor = cursor
        self.summary = summary
        state = .readingLocal
        // Forms first, so that writes made after this sync are checked against the newest ones.
        if peer.forms.contains(where: { $0.value > localForms[$0.key] ?? 0 }) { actions.append(.fetchForms) }
        return actions + [readLocal()]
    }

    /// The peer's forms were fetched and the newer ones kept.
    public mutating func formsReceived(_ received: FormsReceived) {
        summary?.formsUpdated.merge(received.updated) { _, new in new }
    }

    /// Local changes were read for the next push.
    public mutating func localChangesRead(_ changes: [Change], next: Int64, more: Bool) -> [Action] {
        precondition(state == .readingLocal, "unexpected local changes")
        guard changes.isEmpty else {
            state = .pushing(upTo: next, more: more)
            return [.push(changes)]
        }
        cursor!.pushCursor = max(cursor!.pushCursor, next)
        if more { return [readLocal()] }
        state = .pulling
        return [.saveCursor(cursor!), .pull(pullRequest())]
    }

    /// The peer applied the pushed batch.
    public mutating func pushAcknowledged(_ response: PushResponse) throws(SyncError) -> [Action] {
        guard case .pushing(let upTo, let more) = state else { preconditionFailure("unexpected push acknowledgement") }
        try Self.checkProtocol(response.protocol)
        cursor!.pushCursor = upTo
        cursor!.versionVector.merge(response.versionVector)
        summary!.pushed += response.applied
        summary!.clockAhead += response.clockAhead ?? 0
        if more {
            state = .readingLocal
            return [.saveCursor(cursor!), readLocal()]
        }
        state = .pulling
        return [.saveCursor(cursor!), .pull(pullRequest())]
    }

    /// A pulled batch arrived.
    public mutating func pullReceived(_ response: PullResponse) throws(SyncError) -> [Action] {
        precondition(state == .pulling, "unexpected pull response")
        try Self.checkProtocol(response.protocol)
        state = .applying(next: response.next, logId: response.logId, more: response.more)
        return [.apply(response, from: cursor!.peer)]
    }

    /// The pulled batch was applied locally, in one transaction.
    public mutating func pulledApplied(_ changes: [Change], result: ApplyResult) -> [Action] {
        guard case .applying(let next, let logId, let more) = state else { preconditionFailure("unexpected apply result") }
        for change in changes {
            localHolds.include(change.dot)
            cursor!.versionVector.include(change.dot)  // the peer sent it, so the peer holds it
        }
        cursor!.pullCursor = next
        cursor!.logId = logId
        summary!.pulled += result.applied
        summary!.newConflicts += result.newConflicts
        summary!.clockAhead += result.clockAhead
        if more {
            state = .pulling
            return [.saveCursor(cursor!), .pull(pullRequest())]
        }
        if !localHolds.dominates(peerHeld) {
            // The cursor skipped changes the peer holds: its log was rewritten under the same identity
            // (restored from a backup). Read it again from the start; the version vector filters.
            if let restart = restartPull(reason: "\(cursor!.peer.name)'s log skipped changes we lack (restored from a backup?); reading it again from the start") {
                return restart
            }
            state = .finished
            return [.saveCursor(cursor!), .warnPeerReset("\(cursor!.peer.name) claimed changes it did not send; sync again later"), .finish(summary!)]
        }
        state = .finished
        return [.saveCursor(cursor!), .finish(summary!)]
    }

    /// A pulled batch could not be applied because it depends on changes the cursor skipped.
    /// Returns the actions that read the peer's log again from the start, or nil if that was tried.
    public mutating func pulledBatchHadGap() -> [Action]? {
        guard case .applying = state else { preconditionFailure("unexpected apply failure") }
        return restartPull(reason: "\(cursor!.peer.name) sent changes whose predecessors the cursor skipped (restored from a backup?); reading its log again from the start")
    }

    private mutating func restartPull(reason: String) -> [Action]? {
        guard !pullRestarted else { return nil }
        pullRestarted = true
        summary!.peerReset = true
        cursor!.pullCursor = 0
        cursor!.logId = nil
        state = .pulling
        return [.warnPeerReset(reason), .saveCursor(cursor!), .pull(pullRequest())]
    }

    /// The pull that follows `response` once it is applied, if another will: a driver may send it
    /// while it applies `response`, and use the answer when the session asks for exactly that pull.
    public func pullAfter(_ response: PullResponse) -> PullRequest? {
        guard response.more, case .applying = state else { return nil }
        var holds = localHolds
        for change in response.changes { holds.include(change.dot) }
        return pullRequest(after: response.next, logId: response.logId, holds: holds)
    }

    private func readLocal() -> Action {
        .readLocalChanges(after: cursor!.pushCursor, excluding: cursor!.versionVector, limit: configuration.pushBatch)
    }

    private func pullRequest() -> PullRequest {
        pullRequest(after: cursor!.pullCursor, logId: cursor!.logId, holds: localHolds)
    }

    private func pullRequest(after: Int64, logId: String?, holds: VersionVector) -> PullRequest {
        PullRequest(receiver: local, after: after, logId: logId, versionVector: holds, limit: configuration.pullBatch)
    }

    /// Why the saved cursors cannot be trusted for this peer, or nil when they can.
    static func resetReason(saved: PeerCursor?, peer: NodeState) -> String? {
        guard let saved, saved.logId != nil || saved.pullCursor > 0 || saved.pushCursor > 0 else { return nil }
        if let logId = saved.logId, logId != peer.logId {
            return "\(peer.node.name) has a new log (replaced or re-created); comparing version vectors from the start"
        }
        if peer.logPosition < saved.pullCursor || !peer.versionVector.dominates(saved.versionVector) {
            return "\(peer.node.name) holds less than it did (restored from a backup?); comparing version vectors from the start"
        }
        return nil
    }

    static func checkProtocol(_ version: Int) throws(SyncError) {
        guard version == SyncProtocol.version else {
            throw SyncError(.protocolMismatch, "the peer speaks sync protocol \(version), this sentra speaks \(SyncProtocol.version); upgrade the older side")
        }
    }
}
