import Foundation
import GRDB
import SentraCore

extension ReplicaTables {
    /// The survey's log identity.
    func logId() throws -> String {
        try String.fetchOne(statement("SELECT log_id FROM survey WHERE name = ?"), arguments: [survey]) ?? ""
    }

    /// The position of the survey's last change, or 0.
    func logPosition() throws -> Int64 {
        // `+survey` keeps SQLite on the rowid: it reads the last row back, not every row of the survey.
        try Int64.fetchOne(statement("SELECT seq FROM change_log WHERE +survey = ? ORDER BY seq DESC LIMIT 1"), arguments: [survey]) ?? 0
    }

    /// Remembers node names, never renaming the local node.
    func learn(_ nodes: [NodeInfo], except local: NodeID) throws {
        for known in nodes where known.id != local {
            try execute("INSERT INTO node_name (id, name) VALUES (?, ?) ON CONFLICT DO UPDATE SET name = excluded.name",
                        [known.id.rawValue, known.name])
        }
    }

    /// Whether the peer is known by this name and was last heard holding `held`: then a sync
    /// that moved nothing writes nothing either (a no-op sync stays a read).
    func knowsPeer(_ peer: NodeInfo, holding held: VersionVector) throws -> Bool {
        guard try nodeNames()[peer.id] == peer.name,
              let text = try String.fetchOne(statement("SELECT version_vector FROM peer WHERE survey = ? AND node = ?"),
                                             arguments: [survey, peer.id.rawValue]) else { return false }
        return text == (try Self.jsonText(held))
    }

    /// Records what a peer holds, as last heard from it.
    func recordPeerHolds(_ peer: NodeID, _ held: VersionVector) throws {
        try execute("""
            INSERT INTO peer (survey, node, version_vector, heard_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET version_vector = excluded.version_vector, heard_at = excluded.heard_at
            """, [survey, peer.rawValue, try Self.jsonText(held), Date().ISO8601Format()])
    }

    /// What a peer held when last heard from, or nothing.
    func peerHolds(_ peer: NodeID) throws -> VersionVector {
        guard let text = try String.fetchOne(statement("SELECT version_vector FROM peer WHERE survey = ? AND node = ?"),
                                             arguments: [survey, peer.rawValue]) else { return VersionVector() }
        return try JSONDecoder().decode(VersionVector.self, from: Data(text.utf8))
    }

    func peerCursor(_ peer: NodeID) throws -> PeerCursor? {
        guard let row = try Row.fetchOne(
            statement("SELECT version_vector, log_id, pull_cursor, push_cursor FROM peer WHERE survey = ? AND node = ?"),
            arguments: [survey, peer.rawValue]) else { return nil }
        let name = try nodeNames()[peer] ?? peer.rawValue
        return PeerCursor(peer: NodeInfo(id: peer, name: name), logId: row["log_id"], pullCursor: row["pull_cursor"],
                          pushCursor: row["push_cursor"],
                          versionVector: try JSONDecoder().decode(VersionVector.self, from: Data((row["version_vector"] as String).utf8)))
    }
}
