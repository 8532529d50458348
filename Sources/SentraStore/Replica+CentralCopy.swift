import GRDB

/// Reading a replica whole, page by page, for `sentra central migrate` (``CopiedRows``). Each
/// page is its own read: a copy of a large office never holds its log in memory.
extension Replica {
    /// The node's row.
    package func copiedNode() throws -> CopiedRows.Node {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name, hlc, default_survey, created_at FROM node") else {
                throw StoreError(.storage, "the replica holds no node")
            }
            return CopiedRows.Node(id: row["id"], name: row["name"], hlc: row["hlc"], defaultSurvey: row["default_survey"],
                                   createdAt: row["created_at"])
        }
    }

    /// Every survey with its log identity, by name.
    package func copiedSurveys() throws -> [(name: String, logID: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, log_id FROM survey ORDER BY name").map { ($0["name"], $0["log_id"]) }
        }
    }

    /// Up to `limit` changes of the survey's log after position `seq`, in log order. `+survey`
    /// keeps SQLite on the rowid (the position) instead of the `(survey, record, seq)` index, which
    /// would read and sort the whole survey for every page.
    package func copiedChanges(survey: String, after seq: Int64, limit: Int) throws -> [CopiedRows.LoggedChange] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, origin, counter, record, hlc, body FROM change_log WHERE +survey = ? AND seq > ? ORDER BY seq LIMIT ?
                """, arguments: [survey, seq, limit]).map { row in
                CopiedRows.LoggedChange(seq: row["seq"], origin: row["origin"], counter: row["counter"], record: row["record"],
                                        hlc: row["hlc"], body: row["body"])
            }
        }
    }

    /// Up to `limit` of the survey's record rows whose IDs sort after `id`, in ID order.
    package func copiedRecords(survey: String, after id: String, limit: Int) throws -> [CopiedRows.Record] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, r.form, r.form_hlc, r.form_origin, r.form_counter, r.context, r.deleted, r.conflicted, r.entries, b.body AS base_body
                FROM \(ReplicaTables.recordTable()) WHERE r.survey = ? AND r.id > ? ORDER BY r.id LIMIT ?
                """, arguments: [survey, id, limit]).map { row in
                // The copy holds every entry in its row, as PostgreSQL keeps records.
                let entries: String = row["base_body"] == nil ? row["entries"] : RecordEntries.json(try ReplicaTables.record(from: row).fields)
                return CopiedRows.Record(id: row["id"], form: row["form"], formHLC: row["form_hlc"], formOrigin: row["form_origin"],
                                         formCounter: row["form_counter"], context: row["context"], deleted: row["deleted"],
                                         conflicted: row["conflicted"], entries: entries)
            }
        }
    }

    /// What each peer held of the survey when it last synced.
    package func copiedPeers(survey: String) throws -> [CopiedRows.Peer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT node, version_vector, heard_at FROM peer WHERE survey = ? ORDER BY node", arguments: [survey])
                .map { CopiedRows.Peer(node: $0["node"], versionVector: $0["version_vector"], heardAt: $0["heard_at"]) }
        }
    }
}
