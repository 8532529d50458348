public import Foundation
import PostgresNIO
public import SentraStore

/// The office pages' users and browser sessions on PostgreSQL, as the SQLite replica keeps them
/// (decision 0014): names unique in any case, only a bcrypt hash of each password, only a SHA-256
/// of each session ID.
extension PostgresStore {
    public func user(named name: String) async throws -> OfficeUser? {
        try await users(where: name).first
    }

    public func users() async throws -> [OfficeUser] {
        try await users(where: nil)
    }

    public func addUser(_ user: OfficeUser) async throws {
        try user.check()
        let rows = try await client.query("""
            INSERT INTO office_user (name, role, password_hash, created_at, disabled_at)
            VALUES (\(user.name), \(user.role), \(user.passwordHash), \(user.createdAt), \(user.disabledAt))
            ON CONFLICT DO NOTHING RETURNING name
            """, logger: logger)
        var inserted = false
        for try await _ in rows.decode(String.self) { inserted = true }
        guard inserted else {
            let taken = try await self.user(named: user.name)?.name ?? user.name
            throw StoreError(.userExists, "a user named \(taken) exists already; choose another name")
        }
    }

    public func setPassword(user name: String, hash: String) async throws {
        try await changeUser(name, "UPDATE office_user SET password_hash = \(hash) WHERE lower(name) = lower(\(name)) RETURNING name")
    }

    public func disableUser(named name: String, at time: Date) async throws {
        try await changeUser(name, """
            UPDATE office_user SET disabled_at = COALESCE(disabled_at, \(time.ISO8601Format())) WHERE lower(name) = lower(\(name)) RETURNING name
            """)
    }

    public func insertSession(_ session: WebSession) async throws {
        try session.check()
        let logger = logger
        try await Self.transaction(client, logger: logger) { connection in
            try await connection.query("DELETE FROM web_session WHERE expires_at <= \(session.createdAt)", logger: logger)
            let rows = try await connection.query("""
                INSERT INTO web_session (id_hash, subject, kind, role, csrf, created_at, expires_at)
                VALUES (\(session.idHash), \(session.subject), \(session.kind.rawValue), \(session.role), \(session.csrf),
                        \(session.createdAt), \(session.expiresAt))
                ON CONFLICT DO NOTHING RETURNING id_hash
                """, logger: logger)
            var inserted = false
            for try await _ in rows.decode(String.self) { inserted = true }
            guard inserted else { throw StoreError(.invalidInput, "a session with this ID exists already") }
        }
    }

    public func session(idHash: String, now: Date) async throws -> WebSession? {
        let rows = try await client.query("""
            SELECT subject, kind, role, csrf, created_at, expires_at FROM web_session WHERE id_hash = \(idHash)
            """, logger: logger)
        var found: WebSession?
        var unreadable = false
        for try await (subject, kind, role, csrf, created, expires) in rows.decode((String, String, String, String, String, String).self) {
            guard let kind = WebSession.Kind(rawValue: kind) else {
                unreadable = true
                continue
            }
            found = WebSession(idHash: idHash, subject: subject, kind: kind, role: role, csrf: csrf, createdAt: created, expiresAt: expires)
        }
        if unreadable || found?.hasExpired(by: now) == true {
            try await deleteSession(idHash: idHash)
            return nil
        }
        return found
    }

    public func deleteSession(idHash: String) async throws {
        try await client.query("DELETE FROM web_session WHERE id_hash = \(idHash)", logger: logger)
    }

    /// Runs `update` on the user named `name` (in any case), which returns the name it changed,
    /// and ends the user's sessions in the same transaction.
    private func changeUser(_ name: String, _ update: PostgresQuery) async throws {
        let logger = logger
        try await Self.transaction(client, logger: logger) { connection in
            var changed: String?
            for try await name in try await connection.query(update, logger: logger).decode(String.self) { changed = name }
            guard let changed else { throw StoreError(.unknownUser, "no user named \(name)") }
            try await connection.query("""
                DELETE FROM web_session WHERE kind = \(WebSession.Kind.user.rawValue) AND lower(subject) = lower(\(changed))
                """, logger: logger)
        }
    }

    private func users(where name: String?) async throws -> [OfficeUser] {
        let select = "SELECT name, role, password_hash, created_at, disabled_at FROM office_user"
        let query: PostgresQuery = name.map { "\(unescaped: select) WHERE lower(name) = lower(\($0))" } ?? "\(unescaped: select) ORDER BY lower(name)"
        var users: [OfficeUser] = []
        for try await (name, role, hash, created, disabled) in try await client.query(query, logger: logger)
            .decode((String, String, String, String, String?).self) {
            users.append(OfficeUser(name: name, role: role, passwordHash: hash, createdAt: created, disabledAt: disabled))
        }
        return users
    }
}
