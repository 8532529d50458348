import Foundation
import GRDB
import SentraCore
import Testing
@testable import SentraStore

/// What a record's row holds (decision 0008, v9): a new record's row points at its first change in
/// the log; revisits keep it small; a deletion or a change made without the first one puts every
/// entry back into the row. Whatever the row holds, every read shows the whole record.
@Suite struct RecordRowTests {
    let pair: TwoReplicas
    init() throws { pair = try TwoReplicas() }

    /// The row of `id` in `replica`: whether it points at a change, and its own entries' fields.
    private func row(_ id: String, in replica: Replica) throws -> (hasBase: Bool, fields: Set<String>, conflicted: Bool) {
        try replica.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT base, entries, conflicted FROM record WHERE id = ?", arguments: [id]))
            return ((row["base"] as Int64?) != nil, Set(try RecordEntries.fields(row["entries"]).keys), row["conflicted"])
        }
    }

    @Test func aNewRecordIsKeptInTheLogAndARevisitWritesOnlyWhatItSets() throws {
        let id = try pair.sharedRecord(["nama_usaha": .string("Konveksi Maju"), "pekerja": .integer(4), "desa": .string("Ridogalih")])
        #expect(try row(id, in: pair.ani) == (true, [], false))
        #expect(try row(id, in: pair.budi) == (true, [], false), "a pulled first change is kept in the log as well")

        try pair.ani.setFields(survey: TwoReplicas.survey, record: id, fields: .values(["pekerja": .integer(5)]))
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            #expect(try row(id, in: replica) == (true, ["pekerja"], false))
            let record = try replica.record(survey: TwoReplicas.survey, id: id)
            #expect(record.fields == ["nama_usaha": .string("Konveksi Maju"), "pekerja": .integer(5), "desa": .string("Ridogalih")])
            #expect(record.entries["pekerja"]?.count == 1, "the revisit removed the first change's entry")
        }
    }

    @Test func concurrentRevisitsConflictWithoutLeavingTheLog() throws {
        let id = try pair.sharedRecord()
        try pair.ani.setFields(survey: TwoReplicas.survey, record: id, fields: .values(["pekerja": .integer(5)]))
        try pair.budi.setFields(survey: TwoReplicas.survey, record: id, fields: .values(["pekerja": .integer(6)]))
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            #expect(try row(id, in: replica) == (true, ["pekerja"], true))
            #expect(try replica.conflicts(survey: TwoReplicas.survey).map(\.field) == ["pekerja"])
            #expect(try replica.record(survey: TwoReplicas.survey, id: id).fields["nama_usaha"] == .string("Konveksi Maju"))
        }
    }

    @Test func aDeletionPutsEveryEntryBackIntoTheRow() throws {
        let id = try pair.sharedRecord()
        try pair.ani.deleteRecord(survey: TwoReplicas.survey, record: id)
        try pair.budi.setFields(survey: TwoReplicas.survey, record: id, fields: .values(["pekerja": .integer(6)]))
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            #expect(try row(id, in: replica) == (false, [FieldName.deleted, "pekerja"], true))
            let record = try replica.record(survey: TwoReplicas.survey, id: id)
            #expect(record.deleted && record.fields == ["pekerja": .integer(6)])
        }
    }

    @Test func twoFirstChangesOfOneRecordIDPutEveryEntryBackIntoTheRow() throws {
        for (replica, name) in [(pair.ani, "Maju"), (pair.budi, "Jaya")] {
            try replica.addRecord(survey: TwoReplicas.survey, form: "usaha", id: "usaha-1", fields: .values(["nama_usaha": .string(name)]))
        }
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            let stored = try row("usaha-1", in: replica)
            #expect(!stored.hasBase && stored.conflicted && stored.fields == ["nama_usaha"], "the second change did not cover the first")
            #expect(try replica.record(survey: TwoReplicas.survey, id: "usaha-1").entries["nama_usaha"]?.count == 2)
        }
    }
}
