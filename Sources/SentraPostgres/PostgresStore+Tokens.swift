import Foundation
import PostgresNIO
public import SentraCore
public import SentraStore

/// Tokens and the device registry on PostgreSQL, as the SQLite node keeps them (decision 0011).
extension PostgresStore {
    public func token(hash: String) async throws -> TokenRecord? {
        try await tokens(where: "hash", equals: hash).first
    }

    public func token(named name: String) async throws -> TokenRecord? {
        try await tokens(where: "name", equals: name).first
    }

    public func tokens() async throws -> [TokenRecord] {
        try await tokens(where: nil, equals: "")
    }

    public func insertToken(_ token: TokenRecord) async throws {
        if token.node == node.id {
            throw StoreError(.invalidInput, "a token cannot be bound to this node's own ID \(node.id); name the device's node ID")
        }
        if let survey = token.survey, try await !surveys().contains(survey) {
            throw StoreError.unknownSurvey(survey)
        }
        let rows = try await client.query("""
            INSERT INTO token (name, hash, role, survey, node, created_at, revoked_at)
            VALUES (\(token.name), \(token.hash), \(token.role), \(token.survey), \(token.node?.rawValue), \(token.createdAt), \(token.revokedAt))
            ON CONFLICT (name) DO NOTHING RETURNING name
            """, logger: logger)
        var inserted = false
        for try await _ in rows.decode(String.self) { inserted = true }
        guard inserted else {
            throw StoreError(.invalidInput, "a token named \(token.name) exists already; revoke it or choose another name")
        }
    }

    /// Revokes the token, and ends the office pages' sessions it signed in, in one transaction.
    public func revokeToken(named name: String) async throws {
        let logger = logger
        try await Self.transaction(client, logger: logger) { connection in
            let rows = try await connection.query("""
                UPDATE token SET revoked_at = COALESCE(revoked_at, \(Date().ISO8601Format())) WHERE name = \(name) RETURNING name
                """, logger: logger)
            var found = false
            for try await _ in rows.decode(String.self) { found = true }
            guard found else { throw StoreError(.invalidInput, "no token named \(name)") }
            try await connection.query("DELETE FROM web_session WHERE kind = \(WebSession.Kind.token.rawValue) AND subject = \(name)", logger: logger)
        }
    }

    /// Binds an unbound token to `node` and notes the sync, in one statement, so two processes
    /// claiming at once cannot bind it twice; returns the node it is bound to.
    public func claimToken(named name: String, by node: NodeID) async throws -> NodeID {
        let now = Date().ISO8601Format()
        let rows = try await client.query("""
            UPDATE token SET node = COALESCE(node, \(node.rawValue)), first_sync = COALESCE(first_sync, \(now)),
                last_sync = CASE WHEN COALESCE(node, \(node.rawValue)) = \(node.rawValue) THEN \(now) ELSE last_sync END
            WHERE name = \(name) RETURNING node
            """, logger: logger)
        for try await bound in rows.decode(String.self) {
            if let id = NodeID(rawValue: bound) { return id }
        }
        throw StoreError(.invalidInput, "no token named \(name)")
    }

    public func devices() async throws -> [DeviceRecord] {
        var names: [NodeID: String] = [:]
        for try await (id, name) in try await client.query("SELECT id, name FROM node_name", logger: logger).decode((String, String).self) {
            if let id = NodeID(rawValue: id) { names[id] = name }
        }
        var holds: [NodeID: [String: VersionVector]] = [:]
        for try await (survey, node, json) in try await client.query("SELECT survey, node, version_vector FROM peer", logger: logger)
            .decode((String, String, String).self) {
            guard let id = NodeID(rawValue: node) else { continue }
            holds[id, default: [:]][survey] = try JSONDecoder().decode(VersionVector.self, from: Data(json.utf8))
        }
        var devices: [DeviceRecord] = []
        let rows = try await client.query("""
            SELECT name, role, survey, node, first_sync, last_sync, revoked_at FROM token
            WHERE node IS NOT NULL ORDER BY last_sync IS NULL, last_sync DESC, name
            """, logger: logger)
        for try await (token, role, survey, node, first, last, revoked) in rows.decode((String, String, String?, String, String?, String?, String?).self) {
            guard let id = NodeID(rawValue: node) else { continue }
            devices.append(DeviceRecord(node: id, name: names[id], token: token, role: role, survey: survey,
                                        firstSync: first, lastSync: last, revoked: revoked != nil, holds: holds[id] ?? [:]))
        }
        return devices
    }

    private func tokens(where column: String?, equals value: String) async throws -> [TokenRecord] {
        let select = "SELECT name, hash, role, survey, node, created_at, revoked_at, first_sync, last_sync FROM token"
        let query: PostgresQuery
        switch column {
        case "hash": query = "\(unescaped: select) WHERE hash = \(value)"
        case "name": query = "\(unescaped: select) WHERE name = \(value)"
        default: query = "\(unescaped: select) ORDER BY name"
        }
        var records: [TokenRecord] = []
        for try await (name, hash, role, survey, node, created, revoked, first, last) in try await client.query(query, logger: logger)
            .decode((String, String, String, String?, String?, String, String?, String?, String?).self) {
            records.append(TokenRecord(name: name, hash: hash, role: role, survey: survey, createdAt: created, revokedAt: revoked,
                                       node: node.flatMap(NodeID.init(rawValue:)), firstSync: first, lastSync: last))
        }
        return records
    }
}
