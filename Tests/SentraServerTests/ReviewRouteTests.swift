import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// The office's review routes: set a review over HTTP, and list reviews with counts by state.
@Suite("Review routes")
struct ReviewRouteTests {
    @Test("an office token reviews on an office node; the list filters by state and counts")
    func reviewOverHTTP() async throws {
        let fixture = try NodeFixture()
        let survey = NodeFixture.survey
        for id in ["r1", "r2"] {
            try fixture.replica.addRecord(survey: survey, form: "usaha", id: id, fields: .values(["nama_usaha": .string(id)]))
        }
        try await fixture.withClient { client in
            let body = ByteBuffer(string: #"{"state": "hasIssues", "note": "NIB kosong", "by": "Dewi"}"#)
            // The node is not an office yet: 403 not_office, nothing written.
            let notOffice = try await client.send(.post, surveyPath("records/r1/review"), token: fixture.tokens.office, body: body)
            #expect(notOffice.status == .forbidden)
            #expect(try notOffice.error.code == "not_office")
            try fixture.replica.setOffice(true)
            let enumerator = try await client.send(.post, surveyPath("records/r1/review"), token: fixture.tokens.enumerator, body: body)
            #expect(enumerator.status == .forbidden)
            let done = try await client.send(.post, surveyPath("records/r1/review"), token: fixture.tokens.office, body: body)
            #expect(done.status == .ok)
            let bad = try await client.send(.post, surveyPath("records/r1/review"), token: fixture.tokens.office,
                                            body: ByteBuffer(string: #"{"state": "ok"}"#))
            #expect(bad.status.code == 422)

            let list = try await client.send(.get, surveyPath("reviews") + "?state=hasIssues", token: fixture.tokens.office)
            let answer = try JSONSerialization.jsonObject(with: list.data) as? [String: Any]
            #expect(answer?["counts"] as? [String: Int] == ["hasIssues": 1, "received": 1])
            let reviews = answer?["reviews"] as? [[String: Any]] ?? []
            #expect(reviews.count == 1 && reviews.first?["record"] as? String == "r1" && reviews.first?["note"] as? String == "NIB kosong")
            let history = try await client.send(.get, surveyPath("records/r1/history"), token: fixture.tokens.office)
            let changes = try JSONSerialization.jsonObject(with: history.data) as? [[String: Any]] ?? []
            let review = (changes.last?["change"] as? [String: Any])?["set"] as? [String: Any]
            #expect(changes.count == 2 && (review?["_review"] as? [String: Any])?["note"] as? String == "NIB kosong", "\(changes)")
            let records = try await client.send(.get, surveyPath("records") + "?state=hasIssues", token: fixture.tokens.office)
            #expect(try records.decode([RecordSummary].self).map(\.id) == ["r1"])
            let export = try await client.send(.get, surveyPath("export") + "?state=hasIssues", token: fixture.tokens.office)
            let csv = String(decoding: try export.data, as: UTF8.self)
            #expect(csv.contains("r1,usaha,") && !csv.contains("r2,usaha,"), "\(csv)")
            let wrong = try await client.send(.get, surveyPath("reviews") + "?state=maybe", token: fixture.tokens.office)
            #expect(wrong.status == .badRequest)
        }
    }
}

/// The part of a record the filter test reads.
private struct RecordSummary: Decodable {
    let id: String
}
