import Foundation
import SentraCore
import SentraPostgres
import SentraServer
import SentraStore
import SentraTestSupport
import Testing

/// The office dashboard's live count on PostgreSQL: the log's position now, and again when a write
/// of any process moves it.
@Suite("PostgreSQL log observation")
struct PostgresLogObservationTests {
    @Test("the stream gives the position now, then the next one after a write by another connection")
    func followsWrites() async throws {
        let url = try PostgresURL(try PostgresServer.shared().newDatabase("observe").url)
        let store = try await PostgresStore.create(url, name: "kantor", survey: "ikm", logger: NodeFixture.quietLogger)
        defer { store.close() }
        let other = try await PostgresStore.open(url, logger: NodeFixture.quietLogger)
        defer { other.close() }
        var positions = store.observeLog(survey: "ikm", pollInterval: .milliseconds(50)).makeAsyncIterator()
        #expect(await positions.next() == 0)
        _ = try await other.addRecord(survey: "ikm", form: "usaha", id: "r1", fields: .values(["nama": .string("Maju")]), schemaless: true)
        #expect(await positions.next() == 1)
        let changed = try await store.changedRecords(survey: "ikm", after: 0, limit: 10)
        #expect(changed.records == ["r1"] && changed.position == 1)
    }
}
