import GRDB
import SentraCore

/// The replica's SQLite schema, as migrations.
///
/// - `node`: one row, the local node: its ID, name, HLC and default survey.
/// - `node_name`: names of other nodes, learned from bundles, to show authors.
/// - `survey`: the surveys held, each with a random log identity.
/// - `version_vector`: per survey, origin → highest counter applied.
/// - `change_log`: every change applied, in local order; `seq` is the log position.
/// - `record`: the merged state: each record's form, context, flags, and every field entry it
///   holds, as JSON grouped by the change that wrote them (``RecordEntries``, v4; v1 to v3 kept
///   one `entry` row per field value).
/// - `form`: form definitions per survey, with their version and where each came from.
/// - `peer`: per survey, the version vector each peer last reported, and the sync cursors kept
///   with it (v2).
/// - `token`: device tokens for the node's HTTP API: only a hash of each is stored (v2).
/// - `daemon_status`: one row, what the sync daemon last reported (v3).
/// - `token.node`, `token.first_sync`, `token.last_sync`: the node a token is bound to, and when it
///   first and last synced with it: with `peer` and `node_name`, the registry of devices (v5).
/// - `office_user`: the people who sign in to the office web pages, with a bcrypt hash of each
///   password; names are unique in any case (v8).
/// - `web_session`: the office pages' browser sessions, by a SHA-256 of each session ID, with
///   who signed in, the role, the CSRF token and when the session ends (v8).
/// - `record.base`: the log position of the change that created the record, whose values are
///   then entries of the record without being copied into its row (v9, ``RecordRow``); NULL when
///   the row holds every entry.
enum ReplicaSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE node (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    hlc INTEGER NOT NULL DEFAULT 0,
                    default_survey TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE node_name (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL);
                CREATE TABLE survey (name TEXT PRIMARY KEY NOT NULL, log_id TEXT NOT NULL);
                CREATE TABLE version_vector (
                    survey TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    counter INTEGER NOT NULL,
                    PRIMARY KEY (survey, origin)
                ) WITHOUT ROWID;
                CREATE TABLE change_log (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    survey TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    counter INTEGER NOT NULL,
                    record TEXT NOT NULL,
                    hlc INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    UNIQUE (survey, origin, counter)
                );
                CREATE INDEX change_log_record ON change_log (survey, record, seq);
                CREATE TABLE record (
                    survey TEXT NOT NULL,
                    id TEXT NOT NULL,
                    form TEXT NOT NULL,
                    form_hlc INTEGER NOT NULL,
                    form_origin TEXT NOT NULL,
                    form_counter INTEGER NOT NULL,
                    context TEXT NOT NULL,
                    deleted INTEGER NOT NULL,
                    conflicted INTEGER NOT NULL,
                    PRIMARY KEY (survey, id)
                ) WITHOUT ROWID;
                CREATE INDEX record_form ON record (survey, form);
                CREATE INDEX record_conflicted ON record (survey, conflicted);
                CREATE TABLE entry (
                    survey TEXT NOT NULL,
                    record TEXT NOT NULL,
                    field TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    counter INTEGER NOT NULL,
                    hlc INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (survey, record, field, origin, counter)
                ) WITHOUT ROWID;
                CREATE TABLE form (
                    survey TEXT NOT NULL,
                    name TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    PRIMARY KEY (survey, name)
                ) WITHOUT ROWID;
                CREATE TABLE peer (
                    survey TEXT NOT NULL,
                    node TEXT NOT NULL,
                    version_vector TEXT NOT NULL,
                    heard_at TEXT NOT NULL,
                    PRIMARY KEY (survey, node)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: sync cursors and tokens") { db in
            try db.execute(sql: """
                ALTER TABLE peer ADD COLUMN log_id TEXT;
                ALTER TABLE peer ADD COLUMN pull_cursor INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE peer ADD COLUMN push_cursor INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE token (
                    name TEXT PRIMARY KEY NOT NULL,
                    hash TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    survey TEXT,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                );
                """)
        }
        migrator.registerMigration("v3: daemon status") { db in
            try db.execute(sql: """
                CREATE TABLE daemon_status (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    body TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4: entries in the record row") { db in
            // A rowid table: a row of a few kilobytes stays on its leaf page, where a WITHOUT ROWID
            // table would spill it into overflow pages (about three times the pages written). Only
            // conflicted records are indexed as such: a write of any other leaves that index alone.
            try db.execute(sql: """
                CREATE TABLE record_v4 (
                    survey TEXT NOT NULL,
                    id TEXT NOT NULL,
                    form TEXT NOT NULL,
                    form_hlc INTEGER NOT NULL,
                    form_origin TEXT NOT NULL,
                    form_counter INTEGER NOT NULL,
                    context TEXT NOT NULL,
                    deleted INTEGER NOT NULL,
                    conflicted INTEGER NOT NULL,
                    entries TEXT NOT NULL DEFAULT '[]',
                    UNIQUE (survey, id)
                );
                INSERT INTO record_v4 (survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted)
                    SELECT survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted FROM record;
                DROP TABLE record;
                ALTER TABLE record_v4 RENAME TO record;
                CREATE INDEX record_form ON record (survey, form);
                CREATE INDEX record_conflicted ON record (survey) WHERE conflicted = 1;
                """)
            var fields: [String: [String: [FieldEntry]]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT survey, record, field, origin, counter, hlc, value FROM entry")
            while let row = try rows.next() {
                let key = "\(row["survey"] as String)\u{0}\(row["record"] as String)"
                let entry = FieldEntry(dot: Dot(origin: NodeID(rawValue: row["origin"])!, counter: row["counter"]),
                                       hlc: HybridTimestamp(rawValue: row["hlc"]), value: try RecordEntries.parse(row["value"]))
                fields[key, default: [:]][row["field"], default: []].append(entry)
            }
            for (key, entries) in fields {
                let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
                try db.execute(sql: "UPDATE record SET entries = ? WHERE survey = ? AND id = ?",
                               arguments: [RecordEntries.json(entries), parts[0], parts[1]])
            }
            try db.execute(sql: "DROP TABLE entry")
        }
        migrator.registerMigration("v5: tokens bound to nodes") { db in
            try db.execute(sql: """
                ALTER TABLE token ADD COLUMN node TEXT;
                ALTER TABLE token ADD COLUMN first_sync TEXT;
                ALTER TABLE token ADD COLUMN last_sync TEXT;
                """)
        }
        migrator.registerMigration("v6: published forms") { db in
            // Forms imported before v6 stay local imports: only published forms travel.
            try db.execute(sql: """
                ALTER TABLE form ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE form ADD COLUMN source TEXT NOT NULL DEFAULT 'imported';
                ALTER TABLE form ADD COLUMN publisher TEXT;
                ALTER TABLE form ADD COLUMN publisher_name TEXT;
                ALTER TABLE form ADD COLUMN published_at TEXT;
                ALTER TABLE form ADD COLUMN received_from TEXT;
                ALTER TABLE form ADD COLUMN updated_at TEXT;
                """)
        }
        migrator.registerMigration("v7: office nodes") { db in
            try db.execute(sql: "ALTER TABLE node ADD COLUMN office INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v8: office users and web sessions") { db in
            try db.execute(sql: """
                CREATE TABLE office_user (
                    name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                    role TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    disabled_at TEXT
                );
                CREATE TABLE web_session (
                    id_hash TEXT PRIMARY KEY NOT NULL,
                    subject TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    role TEXT NOT NULL,
                    csrf TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                CREATE INDEX web_session_expires_at ON web_session (expires_at);
                """)
        }
        migrator.registerMigration("v9: records backed by the log") { db in
            // Rows written before v9 hold every entry and keep doing so: nothing is moved.
            try db.execute(sql: "ALTER TABLE record ADD COLUMN base INTEGER")
        }
        return migrator
    }
}
