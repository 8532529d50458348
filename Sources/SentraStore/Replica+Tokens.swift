public import Foundation
public import SentraCore
import GRDB

extension Replica {
    /// Stores a new token's hash under a unique name.
    public func insertToken(_ token: TokenRecord) throws {
        if token.node == node.id {
            throw StoreError(.invalidInput, "a token cannot be bound to this node's own ID \(node.id); name the device's node ID")
        }
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM token WHERE name = ?", arguments: [token.name]) != true else {
                throw StoreError(.invalidInput, "a token named \(token.name) exists already; revoke it or choose another name")
            }
            if let survey = token.survey, !(try Replica.surveyExists(survey, db: db)) {
                throw StoreError.unknownSurvey(survey)
            }
            try db.execute(
                sql: "INSERT INTO token (name, hash, role, survey, created_at, revoked_at, node) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [token.name, token.hash, token.role, token.survey, token.createdAt, token.revokedAt, token.node?.rawValue])
        }
    }

    /// Every token, revoked ones included, by name.
    public func tokens() throws -> [TokenRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM token ORDER BY name").map(Replica.tokenRecord)
        }
    }

    /// The token with this hash, if any, revoked or not.
    public func token(hash: String) throws -> TokenRecord? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM token WHERE hash = ?"), arguments: [hash]).map(Replica.tokenRecord)
        }
    }

    /// The token named `name`, if any, revoked or not.
    public func token(named name: String) throws -> TokenRecord? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM token WHERE name = ?"), arguments: [name]).map(Replica.tokenRecord)
        }
    }

    /// Revokes the token named `name`: it opens nothing from now on, and the office pages'
    /// sessions signed in with it end.
    public func revokeToken(named name: String) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM token WHERE name = ?", arguments: [name]) == true else {
                throw StoreError(.invalidInput, "no token named \(name)")
            }
            try db.execute(sql: "UPDATE token SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ?",
                           arguments: [Date().ISO8601Format(), name])
            try db.execute(sql: "DELETE FROM web_session WHERE kind = ? AND subject = ?", arguments: [WebSession.Kind.token.rawValue, name])
        }
    }

    /// Records that `node` syncs with the token named `name`, and returns the node the token is
    /// bound to.
    ///
    /// A token not bound yet is bound to `node` now: the first node that syncs with a token owns it.
    /// The caller refuses the sync when the node returned is not `node`. The last sync time is
    /// written at most once a minute, so a busy device does not turn every pull into a write.
    public func claimToken(named name: String, by node: NodeID, at time: Date = Date()) throws -> NodeID {
        let now = time.ISO8601Format()
        let minuteAgo = time.addingTimeInterval(-60).ISO8601Format()
        if let bound = try read({ db in try Replica.boundNode(name, db: db, unlessStaleBefore: minuteAgo) }) {
            return bound
        }
        return try write { db in
            try db.execute(sql: """
                UPDATE token SET node = COALESCE(node, ?), first_sync = COALESCE(first_sync, ?)
                WHERE name = ? AND (node IS NULL OR node = ?)
                """, arguments: [node.rawValue, now, name, node.rawValue])
            try db.execute(sql: "UPDATE token SET last_sync = ? WHERE name = ? AND node = ?", arguments: [now, name, node.rawValue])
            guard let text = try String.fetchOne(db, sql: "SELECT node FROM token WHERE name = ?", arguments: [name]),
                  let bound = NodeID(rawValue: text) else {
                throw StoreError(.invalidInput, "no token named \(name)")
            }
            return bound
        }
    }

    /// The node token `name` is bound to, when it is bound and synced within the last minute
    /// (then ``claimToken(named:by:at:)`` has nothing to write).
    private static func boundNode(_ name: String, db: Database, unlessStaleBefore cutoff: String) throws -> NodeID? {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT node, last_sync FROM token WHERE name = ?"), arguments: [name])
        guard let row, let text: String = row["node"], let bound = NodeID(rawValue: text) else { return nil }
        guard let last: String = row["last_sync"], last >= cutoff else { return nil }
        return bound
    }

    private static func tokenRecord(_ row: Row) -> TokenRecord {
        TokenRecord(name: row["name"], hash: row["hash"], role: row["role"], survey: row["survey"],
                    createdAt: row["created_at"], revokedAt: row["revoked_at"],
                    node: (row["node"] as String?).flatMap(NodeID.init(rawValue:)), firstSync: row["first_sync"], lastSync: row["last_sync"])
    }
}
