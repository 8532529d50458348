public import SentraCore

extension Replica {
    /// Answers a push as a sync peer: applies the batch in one transaction and reports what it
    /// holds now. The HTTP server and the in-memory transport both answer through here.
    public func respond(to push: PushRequest, survey: String) throws -> PushResponse {
        let result = try apply(push.changes, survey: survey, from: push.sender, senderHolds: push.versionVector, nodes: push.nodes)
        return PushResponse(applied: result.applied, skipped: result.skipped, newConflicts: result.newConflicts,
                            versionVector: try versionVector(survey: survey), clockAhead: result.clockAhead > 0 ? result.clockAhead : nil)
    }

    /// Answers a pull as a sync peer: the changes after the client's cursor that it lacks, at most
    /// `maximumLimit`. A cursor from another log identity, or past the end of this log, is ignored:
    /// the read starts at the beginning, and the client's version vector still keeps what it holds from being sent.
    public func respond(to pull: PullRequest, survey: String, maximumLimit: Int = 5_000) throws -> PullResponse {
        try PullResponse(jsonBytes: respondJSON(to: pull, survey: survey, maximumLimit: maximumLimit))
    }

    /// ``respond(to:survey:maximumLimit:)`` as canonical JSON, the changes copied from the log as
    /// it stores them: a node serves a pull without decoding and encoding every change again.
    public func respondJSON(to pull: PullRequest, survey: String, maximumLimit: Int = 5_000) throws -> [UInt8] {
        let state = try nodeState(survey: survey)
        // A cursor of another log, or past the end of this one, cannot be trusted: read from the
        // start, and let the client's version vector keep what it holds from being sent.
        let after = pull.logId == state.logId && pull.after <= state.logPosition ? max(0, pull.after) : 0
        let batch = try loggedChanges(survey: survey, after: after, excluding: pull.versionVector, limit: max(1, min(pull.limit, maximumLimit)))
        try recordPeer(pull.receiver, holds: pull.versionVector, survey: survey)
        var writer = CanonicalJSONWriter(capacity: batch.bodies.reduce(1_024) { $0 + $1.utf8.count + 1 })
        PullResponse.write(to: &writer, changes: batch.bodies, logId: state.logId, next: batch.next, more: batch.more, nodes: try knownNodes())
        return writer.bytes
    }

    /// Remembers a peer's name and what it holds.
    func recordPeer(_ peer: NodeInfo, holds held: VersionVector, survey: String) throws {
        guard try !read({ db in try ReplicaTables(db: db, survey: survey).knowsPeer(peer, holding: held) }) else { return }
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.learn([peer], except: node.id)
            try tables.recordPeerHolds(peer.id, held)
        }
    }
}
