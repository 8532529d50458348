import Foundation
import GRDB

extension Replica {
    /// Saves what the daemon reports.
    public func saveDaemonStatus(_ status: DaemonStatus) throws {
        let body = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
        try write { db in
            try db.execute(sql: "INSERT INTO daemon_status (id, body) VALUES (1, ?) ON CONFLICT DO UPDATE SET body = excluded.body",
                           arguments: [body])
        }
    }

    /// What the daemon last reported, if a daemon ever ran on this replica.
    public func daemonStatus() throws -> DaemonStatus? {
        try read { db in try Replica.daemonStatus(db) }
    }

    static func daemonStatus(_ db: Database) throws -> DaemonStatus? {
        guard let body = try String.fetchOne(db, sql: "SELECT body FROM daemon_status WHERE id = 1") else { return nil }
        return try JSONDecoder().decode(DaemonStatus.self, from: Data(body.utf8))
    }
}
