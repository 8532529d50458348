import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// A pushed review must come from an office node in the registry (decision 0013).
@Suite("Reviews pushed to the node")
struct ReviewPushTests {
    static let survey = NodeFixture.survey

    @Test("a device's forged review is refused whole; its edited mark and an office laptop's review are applied")
    func onlyOfficesReview() async throws {
        let fixture = try NodeFixture()
        let ani = try fixture.device("tablet-ani")
        let laptop = try fixture.device("laptop-dewi")
        let aniToken = try fixture.token(for: ani)
        let laptopToken = try fixture.token(for: laptop, role: .office)
        try ani.addRecord(survey: Self.survey, form: "usaha", id: "r1", fields: .values(["nama_usaha": "Maju"]))
        let path = surveyPath("push")
        try await fixture.withClient { client in
            #expect(try await client.send(.post, path, token: aniToken, body: json(pushRequest(from: ani))).status == .ok)

            // Ani marks her own replica an office and approves her record: the node refuses the batch.
            try ani.setOffice(true)
            try ani.setReview(survey: Self.survey, record: "r1", review: Review(state: .approved))
            try ani.setOffice(false)
            let before = try await fixture.snapshot()
            let forged = try await client.send(.post, path, token: aniToken, body: json(pushRequest(from: ani)))
            #expect(forged.status == .forbidden)
            #expect(try forged.error.code == "not_office")
            #expect(try await fixture.snapshot() == before)

            // The office's laptop, with an office token, reviews: applied.
            _ = try laptop.apply(fixture.replica.changes(survey: Self.survey).map(\.change), survey: Self.survey)
            try laptop.setOffice(true)
            try laptop.setReview(survey: Self.survey, record: "r1", review: Review(state: .hasIssues, note: "NIB kosong"))
            #expect(try await client.send(.post, path, token: laptopToken, body: json(pushRequest(from: laptop))).status == .ok)
            #expect(try fixture.replica.record(survey: Self.survey, id: "r1").fields[FieldName.review].flatMap(Review.init)?.state == .hasIssues)
        }
    }

    @Test("an enumerator's edit that marks a record edited is applied")
    func editedIsAllowed() async throws {
        let fixture = try NodeFixture()
        try fixture.replica.setOffice(true)
        let ani = try fixture.device("tablet-ani")
        let aniToken = try fixture.token(for: ani)
        try ani.addRecord(survey: Self.survey, form: "usaha", id: "r1", fields: .values(["nama_usaha": "Maju"]))
        _ = try fixture.replica.apply(ani.changes(survey: Self.survey).map(\.change), survey: Self.survey)
        try fixture.replica.setReview(survey: Self.survey, record: "r1", review: Review(state: .hasIssues, note: "NIB kosong"))
        _ = try ani.apply(fixture.replica.changes(survey: Self.survey).map(\.change), survey: Self.survey)
        try ani.setFields(survey: Self.survey, record: "r1", fields: .values(["nib": "3201234567890"]))
        try await fixture.withClient { client in
            let response = try await client.send(.post, surveyPath("push"), token: aniToken, body: json(pushRequest(from: ani)))
            #expect(response.status == .ok)
        }
        #expect(try fixture.replica.record(survey: Self.survey, id: "r1").fields[FieldName.review].flatMap(Review.init)?.state == .edited)
    }
}
