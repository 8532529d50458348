import Foundation
import GRDB
import Testing
@testable import SentraStore

/// The replica's SQLite settings, as its writer connection has them.
@Suite struct ReplicaSettingsTests {
    @Test func everyCommitWaitsForTheDisk() throws {
        let directory = TemporaryDirectory()
        let created = try Replica.create(at: directory.path("a.db"), name: "a", survey: "ikm")
        let reopened = try Replica.open(at: directory.path("a.db"))
        for replica in [created, reopened] {
            let (journal, synchronous) = try replica.pool.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(journal == "wal")
            #expect(synchronous == 2, "synchronous must be FULL (2), not NORMAL (1)")
        }
    }
}
