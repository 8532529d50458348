import Foundation
import SentraCore
import GRDB

extension Replica {
    /// Makes a new replica at `path` from a backup file, under a **new node ID** and new log identities.
    ///
    /// A backup holds fewer of the node's own changes than its peers already have. Writing on under
    /// the old node ID would reuse dots the peers hold with other content, and replicas would
    /// disagree without an error. A new identity writes under new dots, and peers see a new node:
    /// they compare version vectors from the start and send back everything the backup lacks,
    /// the old node's lost changes included.
    ///
    /// An office's old node ID goes into the registry of devices as an office (a token no one
    /// holds, named `before-restore-OLDID`): devices hand back the reviews it wrote after the
    /// backup, and a review is taken only from an office.
    public static func restore(backup: String, to path: String, wallClock: @escaping @Sendable () -> Int64 = Replica.systemMilliseconds) throws -> Replica {
        guard FileManager.default.fileExists(atPath: backup) else {
            throw StoreError(.notAReplica, "no backup at \(backup)")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.alreadyExists, "\(path) exists already; restore to a new file")
        }
        do {
            let source = try DatabaseQueue(path: backup, configuration: {
                var configuration = Configuration()
                configuration.readonly = true
                return configuration
            }())
            try source.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
            try source.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError(.notAReplica, "cannot read the backup \(backup): \(error.message ?? "\(error.resultCode)")", underlying: error)
        }
        let replica: Replica
        do {
            replica = try Replica.open(at: path, wallClock: wallClock)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let old = replica.node
        try replica.write { db in
            try db.execute(sql: "UPDATE node SET id = ?", arguments: [NodeID.random().rawValue])
            try db.execute(sql: "INSERT INTO node_name (id, name) VALUES (?, ?) ON CONFLICT DO UPDATE SET name = excluded.name",
                           arguments: [old.id.rawValue, old.name + " (before restore)"])
            for survey in try String.fetchAll(db, sql: "SELECT name FROM survey") {
                try db.execute(sql: "UPDATE survey SET log_id = ? WHERE name = ?", arguments: [UUID().uuidString.lowercased(), survey])
            }
            try db.execute(sql: "UPDATE peer SET log_id = NULL, pull_cursor = 0, push_cursor = 0")
            if try Replica.isOffice(db) {
                // The hash of no token: 256 random bits, which no token's SHA-256 will ever equal.
                let hash = (0..<4).map { _ in String(format: "%016llx", UInt64.random(in: 0...UInt64.max)) }.joined()
                try db.execute(sql: "INSERT INTO token (name, hash, role, survey, created_at, node) VALUES (?, ?, 'office', NULL, ?, ?)",
                               arguments: ["before-restore-\(old.id.rawValue)", hash, ISO8601Time(milliseconds: wallClock()).text, old.id.rawValue])
            }
            try db.execute(sql: "DELETE FROM daemon_status")
        }
        return try Replica.open(at: path, wallClock: wallClock)
    }
}
