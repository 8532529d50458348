import Foundation
import SentraCore
import GRDB

extension Replica {
    /// The registry of devices: every token bound to a node, with the node's name and what it
    /// last reported holding in each survey, most recent sync first.
    public func devices() throws -> [DeviceRecord] {
        try read { db in
            let names = try ReplicaTables(db: db, survey: defaultSurvey).nodeNames()
            var holds: [NodeID: [String: VersionVector]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT survey, node, version_vector FROM peer") {
                guard let node = NodeID(rawValue: row["node"]) else { continue }
                holds[node, default: [:]][row["survey"]] = try JSONDecoder().decode(VersionVector.self, from: Data((row["version_vector"] as String).utf8))
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT name, role, survey, node, first_sync, last_sync, revoked_at FROM token
                WHERE node IS NOT NULL ORDER BY last_sync IS NULL, last_sync DESC, name
                """)
            return rows.compactMap { row in
                guard let node = NodeID(rawValue: row["node"]) else { return nil }
                return DeviceRecord(node: node, name: names[node], token: row["name"], role: row["role"], survey: row["survey"],
                                    firstSync: row["first_sync"], lastSync: row["last_sync"], revoked: row["revoked_at"] != nil,
                                    holds: holds[node] ?? [:])
            }
        }
    }
}
