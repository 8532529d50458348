import Foundation
import GRDB

extension Replica {
    /// Stores a new token's hash under a unique name.
    public func insertToken(_ token: TokenRecord) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM token WHERE name = ?", arguments: [token.name]) != true else {
                throw StoreError(.invalidInput, "a token named \(token.name) exists already; revoke it or choose another name")
            }
            if let survey = token.survey, !(try Replica.surveyExists(survey, db: db)) {
                throw StoreError(.unknownSurvey, "this replica does not hold survey \"\(survey)\"")
            }
            try db.execute(
                sql: "INSERT INTO token (name, hash, role, survey, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [token.name, token.hash, token.role, token.survey, token.createdAt, token.revokedAt])
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

    /// Revokes the token named `name`: it opens nothing from now on.
    public func revokeToken(named name: String) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM token WHERE name = ?", arguments: [name]) == true else {
                throw StoreError(.invalidInput, "no token named \(name)")
            }
            try db.execute(sql: "UPDATE token SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ?",
                           arguments: [Date().ISO8601Format(), name])
        }
    }

    private static func tokenRecord(_ row: Row) -> TokenRecord {
        TokenRecord(name: row["name"], hash: row["hash"], role: row["role"], survey: row["survey"],
                    createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}
