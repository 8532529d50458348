import Foundation
import Logging
import PostgresNIO

/// The store's tables, made and upgraded by numbered migrations, each in its own transaction. The
/// version reached is kept in `sentra_schema`. Several `sentra serve` processes may start at once
/// on one database: an advisory lock lets one migrate while the others wait, then find it done.
enum PostgresSchema {
    /// The key of the advisory lock migrations hold (any constant other programs will not use).
    static let migrationLock: Int64 = 0x5E47_4A00_0000_0001

    /// Each migration's SQL, in order; the schema's version is the count applied.
    static let migrations: [String] = [
        // 1: the node, the log, records, version vectors, names, peers, forms, tokens, office users
        // and their browser sessions.
        """
        CREATE TABLE sentra_node (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            id text NOT NULL,
            name text NOT NULL,
            hlc bigint NOT NULL DEFAULT 0,
            default_survey text NOT NULL,
            created_at text NOT NULL
        );
        CREATE TABLE node_name (id text PRIMARY KEY, name text NOT NULL);
        CREATE TABLE survey (
            name text PRIMARY KEY,
            log_id text NOT NULL,
            log_position bigint NOT NULL DEFAULT 0
        );
        CREATE TABLE version_vector (
            survey text NOT NULL REFERENCES survey (name),
            origin text NOT NULL,
            counter bigint NOT NULL,
            PRIMARY KEY (survey, origin)
        );
        CREATE TABLE change_log (
            survey text NOT NULL REFERENCES survey (name),
            seq bigint NOT NULL,
            origin text NOT NULL,
            counter bigint NOT NULL,
            record text NOT NULL,
            hlc bigint NOT NULL,
            body text NOT NULL,
            PRIMARY KEY (survey, seq),
            UNIQUE (survey, origin, counter)
        );
        CREATE INDEX change_log_record ON change_log (survey, record, seq);
        CREATE TABLE record (
            survey text NOT NULL REFERENCES survey (name),
            id text NOT NULL,
            form text NOT NULL,
            form_hlc bigint NOT NULL,
            form_origin text NOT NULL,
            form_counter bigint NOT NULL,
            context text NOT NULL,
            deleted boolean NOT NULL,
            conflicted boolean NOT NULL,
            entries text NOT NULL,
            PRIMARY KEY (survey, id)
        );
        CREATE INDEX record_form ON record (survey, form);
        CREATE INDEX record_conflicted ON record (survey) WHERE conflicted;
        CREATE TABLE peer (
            survey text NOT NULL,
            node text NOT NULL,
            version_vector text NOT NULL,
            heard_at text NOT NULL,
            PRIMARY KEY (survey, node)
        );
        CREATE TABLE form (
            survey text NOT NULL REFERENCES survey (name),
            name text NOT NULL,
            version bigint NOT NULL,
            published text NOT NULL,
            PRIMARY KEY (survey, name)
        );
        CREATE TABLE token (
            name text PRIMARY KEY,
            hash text NOT NULL UNIQUE,
            role text NOT NULL,
            survey text,
            node text,
            created_at text NOT NULL,
            revoked_at text,
            first_sync text,
            last_sync text
        );
        CREATE TABLE office_user (
            name text PRIMARY KEY,
            role text NOT NULL,
            password_hash text NOT NULL,
            created_at text NOT NULL,
            disabled_at text
        );
        CREATE UNIQUE INDEX office_user_name ON office_user (lower(name));
        CREATE TABLE web_session (
            id_hash text PRIMARY KEY,
            subject text NOT NULL,
            kind text NOT NULL,
            role text NOT NULL,
            csrf text NOT NULL,
            created_at text NOT NULL,
            expires_at text NOT NULL
        );
        CREATE INDEX web_session_expires_at ON web_session (expires_at);
        """,
    ]

    /// Brings the database up to this build's schema; refuses a newer one.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await PostgresStore.transaction(client, logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            // Only a new database needs CREATE: a role that may only use the tables starts a node made before.
            var made = false
            for try await found in try await connection.query("SELECT to_regclass('sentra_schema') IS NOT NULL", logger: logger).decode(Bool.self) {
                made = found
            }
            if !made {
                try await connection.query("CREATE TABLE sentra_schema (version integer NOT NULL)", logger: logger)
            }
            var version = 0
            for try await (held) in try await connection.query("SELECT version FROM sentra_schema", logger: logger).decode(Int.self) {
                version = held
            }
            if version > migrations.count {
                throw PostgresStoreError(.newerSchema, "the database's Sentra schema is version \(version), newer than this sentra understands (\(migrations.count)); upgrade sentra")
            }
            for index in version..<migrations.count {
                // One statement per query: the extended protocol takes no more.
                for statement in migrations[index].components(separatedBy: ";\n") where !statement.allSatisfy(\.isWhitespace) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
            if version == 0 {
                try await connection.query("INSERT INTO sentra_schema (version) VALUES (\(migrations.count))", logger: logger)
            } else if version < migrations.count {
                try await connection.query("UPDATE sentra_schema SET version = \(migrations.count)", logger: logger)
            }
        }
    }
}
