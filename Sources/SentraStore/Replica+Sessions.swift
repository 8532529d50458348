public import Foundation
import GRDB

extension Replica {
    /// Stores a new browser session, and deletes the sessions that expired by its `createdAt`.
    ///
    /// Both times are ISO 8601 in UTC, as `Date.ISO8601Format()` writes them.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` when a time is not ISO 8601 in UTC, the role is not
    ///   `office` or `admin`, or a session with this ID hash exists.
    public func insertSession(_ session: WebSession) throws {
        try session.check()
        try write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [session.createdAt])
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM web_session WHERE id_hash = ?", arguments: [session.idHash]) != true else {
                throw StoreError(.invalidInput, "a session with this ID exists already")
            }
            try db.execute(
                sql: "INSERT INTO web_session (id_hash, subject, kind, role, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [session.idHash, session.subject, session.kind.rawValue, session.role, session.csrf,
                            session.createdAt, session.expiresAt])
        }
    }

    /// The session whose ID hash is `idHash`, or nil when there is none or it expired by `now`.
    /// An expired session is deleted here.
    public func session(idHash: String, now: Date) throws -> WebSession? {
        let row = try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM web_session WHERE id_hash = ?"), arguments: [idHash])
        }
        guard let row else { return nil }
        guard let kind = WebSession.Kind(rawValue: row["kind"]) else {
            try deleteSession(idHash: idHash)
            return nil
        }
        let session = WebSession(idHash: row["id_hash"], subject: row["subject"], kind: kind, role: row["role"], csrf: row["csrf"],
                                 createdAt: row["created_at"], expiresAt: row["expires_at"])
        guard !session.hasExpired(by: now) else {
            try deleteSession(idHash: idHash)
            return nil
        }
        return session
    }

    /// Ends the session whose ID hash is `idHash`: signing out. Nothing happens when there is none.
    public func deleteSession(idHash: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE id_hash = ?", arguments: [idHash])
        }
    }

    /// Ends every session whose subject is exactly `subject`, a user's or a token's.
    public func deleteSessions(subject: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE subject = ?", arguments: [subject])
        }
    }
}
