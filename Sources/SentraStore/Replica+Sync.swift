import Foundation
public import SentraCore
import GRDB

extension Replica {
    /// This node's state for `survey`, as `GET /state` reports it.
    public func nodeState(survey: String) throws -> NodeState {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return NodeState(node: node, survey: survey, logId: try tables.logId(), logPosition: try tables.logPosition(),
                             versionVector: try tables.versionVector(), serverTime: wallClock(), forms: try tables.publishedFormVersions())
        }
    }

    /// Up to `limit` changes after log position `after` that `excluding` does not cover, in log
    /// order, with the position read up to and whether more follow.
    public func changes(survey: String, after: Int64, excluding held: VersionVector, limit: Int) throws -> (changes: [Change], next: Int64, more: Bool) {
        let logged = try loggedChanges(survey: survey, after: after, excluding: held, limit: limit)
        return (try logged.bodies.map(ReplicaTables.loggedChange), logged.next, logged.more)
    }

    /// ``changes(survey:after:excluding:limit:)`` as the log holds them: canonical JSON, not decoded.
    func loggedChanges(survey: String, after: Int64, excluding held: VersionVector, limit: Int) throws -> (bodies: [String], next: Int64, more: Bool) {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            var changes: [String] = []
            var next = after
            // `+survey` keeps SQLite on the rowid range `seq > after`, so a read costs what it
            // returns, not the size of the log.
            let rows = try Row.fetchCursor(
                tables.statement("SELECT seq, origin, counter, body FROM change_log WHERE +survey = ? AND seq > ? ORDER BY seq"),
                arguments: [survey, after])
            while changes.count < limit, let row = try rows.next() {
                next = row["seq"]
                let origin = NodeID(rawValue: row["origin"])!
                guard held[origin] < row["counter"] else { continue }
                changes.append(row["body"])
            }
            let more = try Bool.fetchOne(tables.statement("SELECT 1 FROM change_log WHERE +survey = ? AND seq > ? LIMIT 1"), arguments: [survey, next]) ?? false
            return (changes, next, more)
        }
    }

    /// Applies a batch from a peer in one transaction, and records what the peer holds and its
    /// name, and the names it knows. See ``apply(_:survey:)``.
    @discardableResult
    public func apply(_ changes: [Change], survey: String, from sender: NodeInfo, senderHolds held: VersionVector?, nodes: [NodeInfo]) throws -> ApplyResult {
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            let result = try applyBatch(changes, tables: tables)
            try tables.learn(nodes + [sender], except: node.id)
            if let held { try tables.recordPeerHolds(sender.id, held) }
            return result
        }
    }

    /// The names of every node this replica knows, its own included, sorted by ID.
    public func knownNodes() throws -> [NodeInfo] {
        try nodeNames().map { NodeInfo(id: $0.key, name: $0.value) }.sorted { $0.id < $1.id }
    }

    /// The sync cursor kept for `peer`, if this replica has synced with it.
    public func peerCursor(survey: String, peer: NodeID) throws -> PeerCursor? {
        try read { db in try ReplicaTables(db: db, survey: survey).peerCursor(peer) }
    }

    /// Saves the sync cursor for a peer, and what it holds.
    public func savePeerCursor(_ cursor: PeerCursor, survey: String) throws {
        guard try peerCursor(survey: survey, peer: cursor.peer.id) != cursor else { return }
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.learn([cursor.peer], except: node.id)
            try tables.recordPeerHolds(cursor.peer.id, cursor.versionVector)
            try tables.execute("UPDATE peer SET log_id = ?, pull_cursor = ?, push_cursor = ? WHERE survey = ? AND node = ?",
                               [cursor.logId, cursor.pullCursor, cursor.pushCursor, survey, cursor.peer.id.rawValue])
        }
    }
}
