import Foundation
public import Logging
import PostgresNIO
import SentraCore
public import SentraStore

/// `sentra central migrate`: moving a SQLite central node into an empty PostgreSQL database,
/// keeping everything devices know it by (issue 15, decision 0019).
///
/// The node ID, each survey's log identity and log positions, every change with its dot and
/// body, the merged records, version vectors, peers, names, tokens with their device bindings,
/// forms and office users are copied as they are. A device that synced with the SQLite node
/// then syncs with the PostgreSQL one and moves only what is new: its pull cursor names the
/// same log and position, and the node's version vector is the one it had.
///
/// Everything is written in one transaction: a copy that fails leaves the database empty.
extension PostgresStore {
    /// Rows written per statement: large enough to copy a district's log in seconds, small enough
    /// for one page of it in memory.
    static let copyPage = 2_000

    /// Copies the node in `replica` into the database at `url`, which must hold no node, and
    /// returns what was copied. Stop the `sentra serve` of the SQLite node first: changes it
    /// accepts during the copy would be lost to the new node.
    public static func migrate(from replica: Replica, to url: PostgresURL, logger: Logger) async throws -> CentralMigration {
        let (client, running) = try await connect(url, logger: logger)
        defer { running.cancel() }
        do {
            return try await copy(replica, to: client, url: url, logger: logger)
        } catch {
            throw readable(error, doing: "take the copy")
        }
    }

    private static func copy(_ replica: Replica, to client: PostgresClient, url: PostgresURL, logger: Logger) async throws -> CentralMigration {
        try await PostgresSchema.migrate(client, logger: logger)
        let node = try await replica.blocking { try $0.copiedNode() }
        let surveys = try await replica.blocking { try $0.copiedSurveys() }
        return try await Self.transaction(client, logger: logger) { connection in
            try await connection.query("LOCK TABLE sentra_node IN EXCLUSIVE MODE", logger: logger)
            for try await _ in try await connection.query("SELECT id FROM sentra_node", logger: logger).decode(String.self) {
                throw PostgresStoreError(.alreadyANode, "\(url) holds a Sentra node already; migrate into an empty database")
            }
            try await connection.query("""
                INSERT INTO sentra_node (id, name, hlc, default_survey, created_at)
                VALUES (\(node.id), \(node.name), \(node.hlc), \(node.defaultSurvey), \(node.createdAt))
                """, logger: logger)
            let names = try await replica.blocking { try $0.nodeNames() }.filter { $0.key.rawValue != node.id }
            for (id, name) in names {
                try await connection.query("INSERT INTO node_name (id, name) VALUES (\(id.rawValue), \(name))", logger: logger)
            }
            var copied: [CentralMigration.Survey] = []
            for survey in surveys {
                copied.append(try await copySurvey(survey.name, logID: survey.logID, from: replica, on: connection, logger: logger))
            }
            let tokens = try await replica.blocking { try $0.tokens() }
            for token in tokens {
                try await connection.query("""
                    INSERT INTO token (name, hash, role, survey, node, created_at, revoked_at, first_sync, last_sync)
                    VALUES (\(token.name), \(token.hash), \(token.role), \(token.survey), \(token.node?.rawValue), \(token.createdAt),
                            \(token.revokedAt), \(token.firstSync), \(token.lastSync))
                    """, logger: logger)
            }
            let users = try await replica.blocking { try $0.users() }
            for user in users {
                try await connection.query("""
                    INSERT INTO office_user (name, role, password_hash, created_at, disabled_at)
                    VALUES (\(user.name), \(user.role), \(user.passwordHash), \(user.createdAt), \(user.disabledAt))
                    """, logger: logger)
            }
            guard let id = NodeID(rawValue: node.id) else { throw StoreError(.storage, "the replica's node ID \(node.id) cannot be read") }
            return CentralMigration(node: NodeInfo(id: id, name: node.name), surveys: copied, tokens: tokens.count, users: users.count,
                                    names: names.count)
        }
    }

    /// Copies one survey: its log in pages, its records in pages, its version vector, peers and forms.
    private static func copySurvey(_ survey: String, logID: String, from replica: Replica, on connection: PostgresConnection,
                                   logger: Logger) async throws -> CentralMigration.Survey {
        try await connection.query("INSERT INTO survey (name, log_id) VALUES (\(survey), \(logID))", logger: logger)
        var position: Int64 = 0
        var changes = 0
        while true {
            let after = position
            let page = try await replica.blocking { try $0.copiedChanges(survey: survey, after: after, limit: copyPage) }
            guard let last = page.last else { break }
            try await connection.query("""
                INSERT INTO change_log (survey, seq, origin, counter, record, hlc, body)
                SELECT \(survey), * FROM unnest(\(page.map(\.seq))::bigint[], \(page.map(\.origin))::text[], \(page.map(\.counter))::bigint[],
                    \(page.map(\.record))::text[], \(page.map(\.hlc))::bigint[], \(page.map(\.body))::text[])
                """, logger: logger)
            position = last.seq
            changes += page.count
        }
        try await connection.query("UPDATE survey SET log_position = \(position) WHERE name = \(survey)", logger: logger)
        var lastID = ""
        var records = 0
        while true {
            let after = lastID
            let page = try await replica.blocking { try $0.copiedRecords(survey: survey, after: after, limit: copyPage) }
            guard let last = page.last else { break }
            try await connection.query("""
                INSERT INTO record (survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted, entries)
                SELECT \(survey), * FROM unnest(\(page.map(\.id))::text[], \(page.map(\.form))::text[], \(page.map(\.formHLC))::bigint[],
                    \(page.map(\.formOrigin))::text[], \(page.map(\.formCounter))::bigint[], \(page.map(\.context))::text[],
                    \(page.map(\.deleted))::boolean[], \(page.map(\.conflicted))::boolean[], \(page.map(\.entries))::text[])
                """, logger: logger)
            lastID = last.id
            records += page.count
        }
        for (origin, counter) in try await replica.blocking({ try $0.versionVector(survey: survey) }).counters {
            try await connection.query("""
                INSERT INTO version_vector (survey, origin, counter) VALUES (\(survey), \(origin.rawValue), \(Int64(counter)))
                """, logger: logger)
        }
        for peer in try await replica.blocking({ try $0.copiedPeers(survey: survey) }) {
            try await connection.query("""
                INSERT INTO peer (survey, node, version_vector, heard_at) VALUES (\(survey), \(peer.node), \(peer.versionVector), \(peer.heardAt))
                """, logger: logger)
        }
        var forms: [String] = [], left: [String] = []
        for held in try await replica.blocking({ try $0.heldForms(survey: survey) }) {
            guard let published = held.published else {
                left.append(held.name)
                continue
            }
            let json = String(decoding: try JSONEncoder.sentraCanonical.encode(published), as: UTF8.self)
            try await connection.query("""
                INSERT INTO form (survey, name, version, published) VALUES (\(survey), \(held.name), \(held.version), \(json))
                """, logger: logger)
            forms.append(held.name)
        }
        return CentralMigration.Survey(name: survey, logID: logID, logPosition: position, changes: changes, records: records,
                                       forms: forms, formsLeft: left)
    }
}
