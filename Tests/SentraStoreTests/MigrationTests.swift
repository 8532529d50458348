import Foundation
import GRDB
import SentraCore
import Testing
@testable import SentraStore

/// A replica written before v4, with one `entry` row per field value, opens with every entry,
/// conflict and deletion it held.
@Suite struct MigrationTests {
    @Test func entryRowsMoveIntoTheRecordRow() throws {
        let pair = try TwoReplicas()
        let kept = try pair.sharedRecord()
        let conflicted = try pair.sharedRecord()
        let deleted = try pair.sharedRecord()
        try pair.ani.setFields(survey: TwoReplicas.survey, record: conflicted, fields: .values(["pekerja": .integer(5)]))
        try pair.budi.setFields(survey: TwoReplicas.survey, record: conflicted, fields: .values(["pekerja": .integer(6), "desa": .string("Ridogalih")]))
        try pair.ani.deleteRecord(survey: TwoReplicas.survey, record: deleted)
        try pair.budi.setFields(survey: TwoReplicas.survey, record: deleted, fields: .values(["catatan": .string("tutup \"sementara\"")]))
        try pair.exchange()
        let expected = try pair.state(pair.ani)
        #expect(expected.conflicts.count == 2)
        #expect(expected.records.contains { $0.id == kept })

        let old = pair.directory.path("old.db")
        try writeVersion3Copy(of: pair.ani.path, to: old)
        let reopened = try Replica.open(at: old)
        #expect(try ConvergentState(reopened, survey: TwoReplicas.survey) == expected)
        let tables = try DatabaseQueue(path: old).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("entry"))
    }

    /// Copies a replica into a new file at schema v3, its entries as `entry` rows.
    private func writeVersion3Copy(of path: String, to copy: String) throws {
        let queue = try DatabaseQueue(path: copy)
        try ReplicaSchema.migrator.migrate(queue, upTo: "v3: daemon status")
        try queue.write { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [path])
            try db.execute(sql: "INSERT INTO main.node SELECT id, name, hlc, default_survey, created_at FROM source.node")
            for table in ["node_name", "survey", "version_vector", "change_log", "peer"] {
                try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM source.\(table)")
            }
            try db.execute(sql: "INSERT INTO main.form SELECT survey, name, definition FROM source.form")
            try db.execute(sql: """
                INSERT INTO main.record SELECT survey, id, form, form_hlc, form_origin, form_counter, context, deleted, conflicted
                FROM source.record
                """)
            // Every entry: a row that points at its record's first change (v9) holds only the later ones.
            let records = "\(ReplicaTables.recordColumns), r.survey FROM source.record r LEFT JOIN source.change_log b ON b.seq = r.base"
            for row in try Row.fetchAll(db, sql: records) {
                for (field, entries) in try ReplicaTables.record(from: row).fields {
                    for entry in entries {
                        try db.execute(sql: "INSERT INTO main.entry VALUES (?, ?, ?, ?, ?, ?, ?)", arguments: [
                            row["survey"], row["id"], field, entry.dot.origin.rawValue, entry.dot.counter, entry.hlc.rawValue, entry.value.jsonText,
                        ])
                    }
                }
            }
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "DETACH DATABASE source") }
    }

    /// Tokens issued before v5 keep working: unbound until their first sync, which binds them.
    @Test func tokensFromBeforeV5AreUnboundUntilTheirFirstSync() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("v4.db")
        let queue = try DatabaseQueue(path: path)
        try ReplicaSchema.migrator.migrate(queue, upTo: "v4: entries in the record row")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO node (id, name, default_survey, created_at) VALUES ('k0ffice', 'kantor', 'ikm', '2026-11-01T00:00:00Z')")
            try db.execute(sql: "INSERT INTO survey (name, log_id) VALUES ('ikm', 'log-1')")
            try db.execute(sql: "INSERT INTO token (name, hash, role, survey, created_at) VALUES ('tablet-ani', 'abc', 'enumerator', NULL, '2026-11-01T00:00:00Z')")
        }
        try queue.close()
        let replica = try Replica.open(at: path)
        let token = try #require(try replica.tokens().first)
        #expect(token.name == "tablet-ani" && token.isActive && token.node == nil && token.lastSync == nil)
        let ani = NodeID(rawValue: "a11ce")!
        #expect(try replica.claimToken(named: "tablet-ani", by: ani) == ani)
        #expect(try replica.claimToken(named: "tablet-ani", by: NodeID(rawValue: "b0d1")!) == ani, "the first sync owns it")
        #expect(try replica.devices().map(\.node) == [ani])
    }

    /// Forms imported before v6 stay on their replica: version 1, imported, not passed on until published.
    @Test func formsFromBeforeV6AreLocalImports() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("v5.db")
        let queue = try DatabaseQueue(path: path)
        try ReplicaSchema.migrator.migrate(queue, upTo: "v5: tokens bound to nodes")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO node (id, name, default_survey, created_at) VALUES ('k0ffice', 'kantor', 'ikm', '2026-11-01T00:00:00Z')")
            try db.execute(sql: "INSERT INTO survey (name, log_id) VALUES ('ikm', 'log-1')")
            try db.execute(sql: """
                INSERT INTO form (survey, name, definition) VALUES ('ikm', 'usaha', '{"name":"usaha","fields":[{"name":"nama","type":"text","required":true}]}')
                """)
        }
        try queue.close()
        let replica = try Replica.open(at: path)
        let form = try #require(try replica.heldForms(survey: "ikm").first)
        #expect(form.source == .imported && form.version == 1 && form.definition.field("nama")?.required == true)
        #expect(try replica.publishedForms(survey: "ikm").isEmpty && replica.nodeState(survey: "ikm").forms.isEmpty)
        try replica.publishForm(FormDefinition(name: "usaha", version: 2, fields: form.definition.fields), survey: "ikm")
        #expect(try replica.nodeState(survey: "ikm").forms == ["usaha": 2])
    }
}
