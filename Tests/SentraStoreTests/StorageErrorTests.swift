import Foundation
import GRDB
import SentraCore
import Testing
@testable import SentraStore

/// Storage failures carry their own code from where SQLite reports them, so no caller reads a
/// message to tell a full disk from a busy replica.
@Suite struct StorageErrorTests {
    @Test func aFullDiskIsCodedDiskFullAndWritesNothing() throws {
        let directory = TemporaryDirectory()
        let replica = try Replica.create(at: directory.path("a.db"), name: "a", survey: "ikm")
        try replica.addRecord(survey: "ikm", form: "usaha", fields: .values(["nama_usaha": .string("Maju")]))
        // A disk with no room left, as SQLite sees it: the file may not grow by another page.
        let pages = try replica.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try replica.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let large = String(repeating: "Konveksi di Cibarusah ", count: 20_000)
        let error = try #require(throws: StoreError.self) {
            try replica.addRecord(survey: "ikm", form: "usaha", fields: .values(["catatan": .string(large)]))
        }
        #expect(error.code == .diskFull, "\(error)")
        #expect(try replica.changes(survey: "ikm").count == 1)
    }

    @Test func aBusyReplicaIsCodedBusy() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.db")
        _ = try Replica.create(at: path, name: "a", survey: "ikm")
        let replica = try Replica.open(at: path)
        // Another process holds the write lock for longer than the replica waits.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
        try replica.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA busy_timeout = 10") }
        let error = try #require(throws: StoreError.self) {
            try replica.addRecord(survey: "ikm", form: "usaha", fields: .values(["nama_usaha": .string("Maju")]))
        }
        #expect(error.code == .busy, "\(error)")
    }
}
