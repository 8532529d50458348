import Foundation
import GRDB
import SentraCore
import Testing
@testable import SentraStore

/// A change from a node whose clock is far ahead: applied and kept, displayed as its HLC says,
/// but the receiving clock does not follow it, and every timestamp the receiver writes stays in
/// range (the fault where one pushed HLC broke a node).
@Suite struct ClockAheadTests {
    let survey = TwoReplicas.survey

    /// A change to `id` from an outside writer, concurrent with everything, at `hlc`.
    func outsideChange(_ id: String, hlc: HybridTimestamp, form: String = "usaha", value: FieldValue = .integer(99)) -> Change {
        Change(dot: Dot(origin: NodeID(rawValue: "0ffc1ee0ffc1ee00")!, counter: 1), hlc: hlc, record: id, form: form,
               context: VersionVector(), operation: .assign(["pekerja": value]))
    }

    @Test func theGreatestTimestampIsKeptDisplayedAndNotFollowed() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        let result = try pair.ani.apply([outsideChange(id, hlc: .greatest)], survey: survey)
        #expect(result.applied == 1 && result.clockAhead == 1)

        let record = try pair.ani.record(survey: survey, id: id)
        #expect(record.fields["pekerja"] == .integer(99), "the far-ahead value wins display, as its HLC says")
        #expect(try pair.ani.conflicts(survey: survey).count == 1, "both values are kept")

        let resolution = try pair.ani.resolve(survey: survey, record: id, resolution: .fields(.values(["pekerja": .integer(5)])))
        #expect(HybridTimestamp.isInRange(resolution.hlc.rawValue))
        #expect(resolution.hlc.physical <= pair.clock.now + 1, "the clock stayed with the wall clock: \(resolution.hlc)")
        #expect(try pair.ani.changes(survey: survey).count == 3, "the log reads back")
        #expect(try pair.ani.record(survey: survey, id: id).fields["pekerja"] == .integer(5))
        #expect(try pair.ani.conflicts(survey: survey).isEmpty)

        // A relay of the far-ahead change and the resolution converges.
        try pair.exchange()
        #expect(try pair.state(pair.ani) == pair.state(pair.budi))
    }

    @Test func aChangeWithinTheBoundIsFollowed() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        let ahead = HybridTimestamp(physical: pair.clock.now + 3_600_000, logical: 2)
        let result = try pair.ani.apply([outsideChange(id, hlc: ahead)], survey: survey)
        #expect(result.applied == 1 && result.clockAhead == 0)
        let next = try pair.ani.setFields(survey: survey, record: id, fields: .values(["nama_usaha": .string("Maju")]))
        #expect(next.hlc > ahead, "a clock an hour ahead is followed, as the HLC rules say")
    }

    @Test func theBoundIsASetting() throws {
        let directory = TemporaryDirectory()
        let clock = ManualClock()
        let strict = try Replica.create(at: directory.path("strict.db"), name: "strict", survey: survey, wallClock: clock.reading, maxClockAhead: 1_000)
        let id = try strict.addRecord(survey: survey, form: "usaha", fields: .values(["pekerja": .integer(1)])).record
        let ahead = HybridTimestamp(physical: clock.now + 5_000, logical: 0)
        #expect(try strict.apply([outsideChange(id, hlc: ahead)], survey: survey).clockAhead == 1)
        let reopened = try Replica.open(at: directory.path("strict.db"), wallClock: clock.reading)
        #expect(reopened.maxClockAhead == HybridClock.defaultMaxAhead)
    }

    @Test func aClockSavedOutOfRangeComesBackInRange() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        // What an older release saved after receiving the greatest timestamp: physical 2^46.
        try pair.ani.write { db in
            try db.execute(sql: "UPDATE node SET hlc = ?", arguments: [HybridTimestamp.physicalLimit << 16])
        }
        let change = try pair.ani.setFields(survey: survey, record: id, fields: .values(["pekerja": .integer(8)]))
        #expect(change.hlc == .greatest)
        #expect(try pair.ani.changes(survey: survey).last?.change == change, "the log reads back")
        _ = try pair.budi.importBundle(try pair.ani.exportBundle(survey: survey).data)
        #expect(try pair.budi.record(survey: survey, id: id).fields["pekerja"] == .integer(8))
    }

    @Test func aRecordNeedsAField() throws {
        let pair = try TwoReplicas()
        let error = try #require(throws: StoreError.self) {
            try pair.ani.addRecord(survey: survey, form: "usaha", fields: .values([:]))
        }
        #expect(error.code == .invalidInput)
        #expect(try pair.ani.changes(survey: survey).isEmpty)
    }
}
