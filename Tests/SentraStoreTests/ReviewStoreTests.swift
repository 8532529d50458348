import Foundation
import SentraCore
import Testing
@testable import SentraStore

/// Reviews in the store (decision 0013): only offices write them, they replicate like any field,
/// and an enumerator's edit of a record with issues marks it edited in the same change.
@Suite("Reviews in the store")
struct ReviewStoreTests {
    @Test("the loop: has issues at the office, edited on the device in the same change, approved at the office")
    func loop() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        try office.setOffice(true)
        let ani = try fixture.replica("tablet-ani")
        try ani.addRecord(survey: "ikm", form: "usaha", id: "r1", fields: .values(["nama_usaha": "Maju"]))
        _ = try office.apply(ani.changes(survey: "ikm").map(\.change), survey: "ikm")

        try office.setReview(survey: "ikm", record: "r1", review: Review(state: .hasIssues, note: "NIB kosong", by: "Dewi"))
        _ = try ani.apply(office.changes(survey: "ikm").map(\.change), survey: "ikm")
        #expect(try ani.record(survey: "ikm", id: "r1").fields[FieldName.review].flatMap(Review.init)?.state == .hasIssues)

        let edit = try ani.setFields(survey: "ikm", record: "r1", fields: .values(["desa": "Sindangmulya"]))
        guard case .assign(let values) = edit.operation else { Issue.record("not an assignment"); return }
        #expect(values[FieldName.review].flatMap(Review.init) == Review(state: .edited, note: "NIB kosong", by: "tablet-ani"))
        #expect(Review.refusalForNonOffice(edit) == nil)
        _ = try office.apply([edit], survey: "ikm")
        #expect(try office.record(survey: "ikm", id: "r1").fields[FieldName.review].flatMap(Review.init)?.state == .edited)

        try office.setReview(survey: "ikm", record: "r1", review: Review(state: .approved, by: "Dewi"))
        _ = try ani.apply(office.changes(survey: "ikm").map(\.change), survey: "ikm")
        #expect(try ani.record(survey: "ikm", id: "r1").fields[FieldName.review].flatMap(Review.init)?.state == .approved)
        // A later edit of an approved record does not touch the review.
        let later = try ani.setFields(survey: "ikm", record: "r1", fields: .values(["desa": "Ridogalih"]))
        if case .assign(let values) = later.operation { #expect(values[FieldName.review] == nil) }
    }

    @Test("a device refuses to review, and nothing is written; the CLI's field syntax cannot set _review")
    func devicesDoNotReview() throws {
        let fixture = try StoreFixture()
        let ani = try fixture.replica("tablet-ani")
        try ani.addRecord(survey: "ikm", form: "usaha", id: "r1", fields: .values(["nama_usaha": "Maju"]))
        let before = try ani.changes(survey: "ikm").count
        do {
            try ani.setReview(survey: "ikm", record: "r1", review: Review(state: .approved))
            Issue.record("a device reviewed")
        } catch let error as StoreError {
            #expect(error.code == .notOffice)
        }
        #expect(throws: StoreError.self) { try ani.setFields(survey: "ikm", record: "r1", fields: .text([FieldName.review: #"{"state":"approved"}"#])) }
        #expect(try ani.changes(survey: "ikm").count == before)
    }

    @Test("two offices reviewing without seeing each other make a conflict, which a later review settles")
    func concurrentReviews() throws {
        let fixture = try StoreFixture()
        let kantor = try fixture.replica("kantor")
        let kabupaten = try fixture.replica("kabupaten")
        for office in [kantor, kabupaten] { try office.setOffice(true) }
        try kantor.addRecord(survey: "ikm", form: "usaha", id: "r1", fields: .values(["nama_usaha": "Maju"]))
        _ = try kabupaten.apply(kantor.changes(survey: "ikm").map(\.change), survey: "ikm")
        try kantor.setReview(survey: "ikm", record: "r1", review: Review(state: .approved))
        try kabupaten.setReview(survey: "ikm", record: "r1", review: Review(state: .rejected, note: "bukan konveksi"))
        _ = try kantor.apply(kabupaten.changes(survey: "ikm").map(\.change), survey: "ikm")
        _ = try kabupaten.apply(kantor.changes(survey: "ikm").map(\.change), survey: "ikm")
        for office in [kantor, kabupaten] {
            #expect(try office.conflicts(survey: "ikm").map(\.field) == [FieldName.review])
        }
        try kantor.setReview(survey: "ikm", record: "r1", review: Review(state: .rejected, note: "bukan konveksi"))
        _ = try kabupaten.apply(kantor.changes(survey: "ikm").map(\.change), survey: "ikm")
        for office in [kantor, kabupaten] {
            #expect(try office.conflicts(survey: "ikm").isEmpty)
            #expect(try office.record(survey: "ikm", id: "r1").fields[FieldName.review].flatMap(Review.init)?.state == .rejected)
        }
    }
}

extension ReviewStoreTests {
    @Test("status counts the records that are not deleted by the review state they show")
    func statusCounts() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        try office.setOffice(true)
        for id in ["a", "b", "c", "d"] {
            try office.addRecord(survey: "ikm", form: "usaha", id: id, fields: .values(["nama_usaha": .string("Usaha \(id)"), "desa": "Ridogalih"]))
        }
        try office.setReview(survey: "ikm", record: "a", review: Review(state: .approved))
        try office.setReview(survey: "ikm", record: "b", review: Review(state: .hasIssues, note: "\"_review\": bukan"))
        try office.setFields(survey: "ikm", record: "c", fields: .values(["nama_usaha": #"teks "_review": palsu"#]))
        try office.deleteRecord(survey: "ikm", record: "d")
        #expect(throws: StoreError.self) { try office.setReview(survey: "ikm", record: "d", review: Review(state: .approved)) }
        #expect(try office.status().surveys.first?.reviews == ["approved": 1, "hasIssues": 1, "received": 1])
    }
}
