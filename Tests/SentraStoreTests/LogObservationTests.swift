import Foundation
import SentraCore
import SentraStore
import Testing

/// The observation API of Docs/library.md: the log's position as it moves, and the records a
/// stretch of the log changed.
@Suite struct LogObservationTests {
    @Test func changedRecordsListsEachRecordOnceInLogOrder() throws {
        let fixture = try StoreFixture()
        let replica = try fixture.replica()
        let start = try replica.logPosition(survey: "ikm")
        let first = try replica.addRecord(survey: "ikm", form: "usaha", fields: .text(["nama_usaha": "Konveksi Maju"]))
        let second = try replica.addRecord(survey: "ikm", form: "usaha", fields: .text(["nama_usaha": "Jahit Sejahtera"]))
        _ = try replica.setFields(survey: "ikm", record: first.record, fields: .text(["pekerja_perempuan": "4"]))

        let changed = try replica.changedRecords(survey: "ikm", after: start, limit: 500)
        #expect(changed.records == [first.record, second.record])
        #expect(changed.position == (try replica.logPosition(survey: "ikm")))
        #expect(changed.logID == (try replica.nodeState(survey: "ikm").logId))

        let limited = try replica.changedRecords(survey: "ikm", after: start, limit: 1)
        #expect(limited.records == [first.record])
        let rest = try replica.changedRecords(survey: "ikm", after: limited.position, limit: 500)
        #expect(rest.records == [second.record, first.record])

        let none = try replica.changedRecords(survey: "ikm", after: changed.position, limit: 500)
        #expect(none.records.isEmpty && none.position == changed.position)
        #expect(throws: StoreError.self) { try replica.changedRecords(survey: "nope", after: 0, limit: 5) }
    }

    @Test func observeLogSeesWritesOfThisReplicaAndOfAnotherProcess() async throws {
        let fixture = try StoreFixture()
        let replica = try fixture.replica()
        var positions = replica.observeLog(survey: "ikm", pollInterval: .milliseconds(200)).makeAsyncIterator()
        #expect(await positions.next() == 0)

        let change = try replica.addRecord(survey: "ikm", form: "usaha", fields: .text(["nama_usaha": "Konveksi Maju"]))
        let afterLocal = await positions.next()
        #expect(afterLocal == (try replica.logPosition(survey: "ikm")))

        // A second connection to the file stands in for a `sentra` command beside a server: its
        // commit is not seen by this replica's observer, only by the poll.
        let other = try Replica.open(at: replica.path)
        _ = try other.setFields(survey: "ikm", record: change.record, fields: .text(["pekerja_perempuan": "7"]))
        let afterOther = await positions.next()
        #expect(afterOther == (try replica.logPosition(survey: "ikm")))
        #expect(afterOther! > afterLocal!)
    }

    @Test func observingAnUnknownSurveyEndsAtOnce() async throws {
        let fixture = try StoreFixture()
        let replica = try fixture.replica()
        var positions = replica.observeLog(survey: "nope").makeAsyncIterator()
        #expect(await positions.next() == nil)
    }
}
