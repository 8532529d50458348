import Foundation
import SentraCore
import Testing
@testable import SentraStore

/// The scenarios of the replica contract, on real SQLite files.
@Suite struct ScenarioTests {
    let survey = TwoReplicas.survey

    @Test func editsOfDifferentFieldsAreBothKeptWithoutConflict() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        try pair.ani.setFields(survey: survey, record: id, fields: .values(["pekerja": .integer(6)]))
        try pair.budi.setFields(survey: survey, record: id, fields: .values(["nama_usaha": .string("Konveksi Maju Jaya")]))
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            let record = try replica.record(survey: survey, id: id)
            #expect(record.fields == ["pekerja": .integer(6), "nama_usaha": .string("Konveksi Maju Jaya")])
            #expect(record.conflicts.isEmpty)
        }
        #expect(try pair.state(pair.ani) == pair.state(pair.budi))
    }

    @Test func editsOfOneFieldConflictUntilResolved() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        try pair.ani.setFields(survey: survey, record: id, fields: .values(["pekerja": .integer(6)]))
        pair.clock.advance(by: 10)
        try pair.budi.setFields(survey: survey, record: id, fields: .values(["pekerja": .integer(7)]))
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            let conflicts = try replica.conflicts(survey: survey)
            #expect(conflicts.count == 1)
            #expect(conflicts.first?.field == "pekerja")
            #expect(Set(conflicts.first?.values.map(\.value) ?? []) == [.integer(6), .integer(7)])
            #expect(Set(conflicts.first?.values.compactMap(\.nodeName) ?? []) == ["tablet-ani", "tablet-budi"])
            #expect(try replica.record(survey: survey, id: id).fields["pekerja"] == .integer(7), "the later HLC is displayed")
        }
        #expect(try pair.state(pair.ani) == pair.state(pair.budi))

        try pair.ani.resolve(survey: survey, record: id, resolution: .fields(.text(["pekerja": "6"])))
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            #expect(try replica.conflicts(survey: survey).isEmpty)
            #expect(try replica.record(survey: survey, id: id).fields["pekerja"] == .integer(6))
        }
    }

    @Test func deleteAgainstConcurrentEditIsFlaggedAndKeepsTheEdit() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        try pair.ani.deleteRecord(survey: survey, record: id)
        try pair.budi.setFields(survey: survey, record: id, fields: .values(["pekerja": .integer(9)]))
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            let record = try replica.record(survey: survey, id: id)
            #expect(record.deleted)
            #expect(record.fields["pekerja"] == .integer(9), "the concurrent edit can still be read")
            #expect(record.fields["nama_usaha"] == nil, "the value the delete saw is gone")
            let conflicts = try replica.conflicts(survey: survey)
            #expect(conflicts.count == 1)
            #expect(conflicts.first.map { $0.field == nil } == true)
        }
        #expect(try pair.state(pair.ani) == pair.state(pair.budi))

        try pair.budi.resolve(survey: survey, record: id, resolution: .restore)
        try pair.exchange()
        for replica in [pair.ani, pair.budi] {
            let record = try replica.record(survey: survey, id: id)
            #expect(!record.deleted)
            #expect(record.conflicts.isEmpty)
            #expect(record.fields == ["pekerja": .integer(9)])
        }
    }

    @Test func batchWithGapIsRefusedAndChangesNothing() throws {
        let pair = try TwoReplicas()
        for index in 0..<3 {
            try pair.ani.addRecord(survey: survey, form: "usaha", id: "r\(index)", fields: .values(["pekerja": .integer(Int64(index))]))
        }
        let changes = try pair.ani.changes(survey: survey).map(\.change)
        let before = try pair.state(pair.budi)
        let logBefore = try pair.budi.changes(survey: survey)
        #expect {
            try pair.budi.apply([changes[0], changes[2]], survey: survey)
        } throws: { error in
            (error as? StoreError)?.code == .causalGap
        }
        #expect(try pair.state(pair.budi) == before)
        #expect(try pair.budi.changes(survey: survey) == logBefore)
    }

    @Test func changeThatContradictsTheLogIsRefused() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        var forged = try pair.ani.changes(survey: survey).map(\.change)[0]
        forged.operation = .assign(["pekerja": .integer(99)])
        let before = try pair.state(pair.budi)
        #expect {
            try pair.budi.apply([forged], survey: survey)
        } throws: { error in
            (error as? StoreError)?.code == .conflictingDot
        }
        #expect(try pair.state(pair.budi) == before)
        #expect(try pair.budi.record(survey: survey, id: id).fields["pekerja"] == .integer(4))
    }

    @Test func importingTheSameBundleTwiceChangesNothing() throws {
        let pair = try TwoReplicas()
        for index in 0..<5 {
            try pair.ani.addRecord(survey: survey, form: "usaha", fields: .values(["pekerja": .integer(Int64(index))]))
        }
        let bundle = try pair.ani.exportBundle(survey: survey)
        let first = try pair.budi.importBundle(bundle.data)
        #expect(first.applied == 5 && first.skipped == 0)
        let after = try pair.state(pair.budi)
        let second = try pair.budi.importBundle(bundle.data)
        #expect(second.applied == 0 && second.skipped == 5 && second.newConflicts == 0)
        #expect(try pair.state(pair.budi) == after)
        #expect(try pair.budi.changes(survey: survey).count == 5)
    }

    @Test func bundleForNodeHoldsOnlyWhatItLacks() throws {
        let pair = try TwoReplicas()
        _ = try pair.sharedRecord()
        try pair.ani.addRecord(survey: survey, form: "usaha", fields: .values(["pekerja": .integer(1)]))
        let bundle = try pair.ani.exportBundle(survey: survey, for: "tablet-budi")
        #expect(bundle.changeCount == 1)
        #expect(bundle.recipient?.name == "tablet-budi")
        #expect(try pair.ani.exportBundle(survey: survey, for: "stranger").changeCount == 2)
        #expect(try pair.ani.exportBundle(survey: survey).changeCount == 2)
    }

    @Test func concurrentEditsReportNewConflicts() throws {
        let pair = try TwoReplicas()
        let id = try pair.sharedRecord()
        try pair.ani.setFields(survey: survey, record: id, fields: .values(["pekerja": .integer(6)]))
        try pair.budi.setFields(survey: survey, record: id, fields: .values(["pekerja": .integer(7)]))
        let result = try pair.budi.importBundle(try pair.ani.exportBundle(survey: survey).data)
        #expect(result.applied == 1)
        #expect(result.newConflicts == 1)
    }
}
