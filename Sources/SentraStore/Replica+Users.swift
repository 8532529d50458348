public import Foundation
import GRDB
import SentraCore

extension Replica {
    /// Stores a new office user.
    ///
    /// ```swift
    /// try replica.addUser(OfficeUser(name: "dewi", role: "office", passwordHash: PasswordHash.make(password),
    ///                                createdAt: Date().ISO8601Format()))
    /// ```
    ///
    /// - Throws: ``StoreError`` `.userExists` when the name is taken in any case; `.invalidInput`
    ///   when the name is not 1 to 64 letters, digits, `_` or `-` (as a token's), or the role is
    ///   not `office` or `admin`.
    public func addUser(_ user: OfficeUser) throws {
        try user.check()
        try write { db in
            if let taken = try String.fetchOne(db, sql: "SELECT name FROM office_user WHERE name = ?", arguments: [user.name]) {
                throw StoreError(.userExists, "a user named \(taken) exists already; choose another name")
            }
            try db.execute(
                sql: "INSERT INTO office_user (name, role, password_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [user.name, user.role, user.passwordHash, user.createdAt, user.disabledAt])
        }
    }

    /// The user named `name`, in any case, disabled or not; nil when there is none.
    public func user(named name: String) throws -> OfficeUser? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM office_user WHERE name = ?"), arguments: [name]).map(Replica.officeUser)
        }
    }

    /// Every user, disabled ones included, by name.
    public func users() throws -> [OfficeUser] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM office_user ORDER BY name").map(Replica.officeUser)
        }
    }

    /// Replaces the password hash of the user named `name` (in any case), and ends the user's
    /// sessions: a changed password signs every browser out.
    ///
    /// - Throws: ``StoreError`` `.unknownUser` when no user has that name.
    public func setPassword(user name: String, hash: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE office_user SET password_hash = ? WHERE name = ?", arguments: [hash, name])
            guard db.changesCount > 0 else { throw StoreError(.unknownUser, "no user named \(name)") }
            try Replica.deleteUserSessions(name, db: db)
        }
    }

    /// Disables the user named `name` (in any case): the user signs in no more, and every session
    /// of the user ends now. Disabling a disabled user keeps the first time.
    ///
    /// - Throws: ``StoreError`` `.unknownUser` when no user has that name.
    public func disableUser(named name: String, at time: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE office_user SET disabled_at = COALESCE(disabled_at, ?) WHERE name = ?",
                           arguments: [time.ISO8601Format(), name])
            guard db.changesCount > 0 else { throw StoreError(.unknownUser, "no user named \(name)") }
            try Replica.deleteUserSessions(name, db: db)
        }
    }

    /// Deletes the sessions signed in as the user `name`, in any case (not those of a token of
    /// that name).
    private static func deleteUserSessions(_ name: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM web_session WHERE kind = ? AND subject = ? COLLATE NOCASE",
                       arguments: [WebSession.Kind.user.rawValue, name])
    }

    private static func officeUser(_ row: Row) -> OfficeUser {
        OfficeUser(name: row["name"], role: row["role"], passwordHash: row["password_hash"], createdAt: row["created_at"],
                   disabledAt: row["disabled_at"])
    }
}
