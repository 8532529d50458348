import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IKMKonveksi
import SentraCore
import SentraServer
import SentraStore
import Testing

/// The office pages against a real replica: what they show agrees with the store, and what they
/// post writes what the CLI would.
@Suite("Office pages")
struct OfficePagesTests {
    static let base = "/office/s/\(WebFixture.survey)/"

    /// The number in the element with `id` on `page`.
    static func count(_ id: String, in page: String) -> Int? {
        guard let range = page.range(of: "id=\"\(id)\">([0-9]+)<", options: .regularExpression) else { return nil }
        return Int(page[range].dropFirst("id=\"\(id)\">".count).dropLast())
    }

    @Test("the dashboard's counts are sentra status's")
    func dashboardCounts() async throws {
        let fixture = try WebFixture(records: 12)
        _ = try fixture.replica.setReview(survey: WebFixture.survey, record: fixture.conflicted, review: Review(state: .hasIssues, note: "Cek NIB"))
        let status = try #require(try fixture.replica.status().surveys.first)
        try await fixture.asOffice { client, browser in
            let (_, page) = try await browser.get(client, Self.base)
            #expect(Self.count("count-records", in: page) == status.records)
            #expect(Self.count("count-conflicts", in: page) == status.conflicts)
            #expect(status.conflicts == 1)
            for state in ReviewState.allCases {
                #expect(Self.count("count-\(state.rawValue)", in: page) == status.reviews[state.rawValue] ?? 0, "\(state)")
            }
            #expect(page.contains("tab-ani") && page.contains("tab-budi"))
        }
    }

    @Test("a device silent for more than two days stands out, with the changes it lacks")
    func silentDevice() async throws {
        let fixture = try WebFixture(records: 3)
        _ = try fixture.replica.claimToken(named: "tab-ani", by: NodeID.random(), at: Date().addingTimeInterval(-3 * 86_400))
        let officeHolds = try fixture.replica.versionVector(survey: WebFixture.survey).counters.values.reduce(0, +)
        try await fixture.asOffice { client, browser in
            let (_, page) = try await browser.get(client, Self.base)
            let row = try #require(page.components(separatedBy: "<tr").first { $0.contains("<td>tab-ani</td>") })
            #expect(row.hasPrefix(#" class="silent-row""#), "\(row)")
            #expect(row.contains("tidak sinkron lebih dari 2 hari"))
            // The device never said what it holds, so it lacks every change the office holds.
            #expect(row.contains("<td class=\"num\">\(officeHolds)</td>"), "\(row)")
        }
    }

    @Test("the records page finds a record by its name, and pages by 50")
    func search() async throws {
        let fixture = try WebFixture(records: 60)
        try await fixture.asOffice { client, browser in
            let (_, found) = try await browser.get(client, Self.base + "records?q=anggrek+ujicoba")
            #expect(found.contains("Konveksi Anggrek Ujicoba"))
            #expect(found.contains("<p id=\"total\">1 data</p>"))
            let (_, all) = try await browser.get(client, Self.base + "records")
            #expect(all.contains("60 data · halaman 1/2"))
            #expect(all.components(separatedBy: "name=\"id\" value=").count - 1 == 50)
            let (_, second) = try await browser.get(client, Self.base + "records?page=2")
            #expect(second.components(separatedBy: "name=\"id\" value=").count - 1 == 10)
        }
    }

    @Test("picking a value resolves the conflict with that value")
    func resolveByPicking() async throws {
        let fixture = try WebFixture(records: 3)
        try await fixture.asOffice { client, browser in
            let (_, queue) = try await browser.get(client, Self.base + "conflicts")
            #expect(queue.contains("Pekerja laki-laki"))
            #expect(queue.contains("tab-ani") && queue.contains("tab-budi"))
            let (response, _) = try await browser.post(client, Self.base + "records/\(fixture.conflicted)/resolve", [("field", "pekerja_laki"), ("pick", "4")])
            #expect(response.status == .seeOther)
            let record = try fixture.replica.record(survey: WebFixture.survey, id: fixture.conflicted)
            #expect(record.conflicts.isEmpty)
            #expect(record.fields["pekerja_laki"] == .integer(4))
        }
    }

    @Test("a record deleted on one tablet while edited on another is kept deleted, or restored, from the page")
    func deleteConflicts() async throws {
        let fixture = try WebFixture(records: 3)
        let others = try fixture.replica.records(survey: WebFixture.survey).map(\.id).filter { $0 != fixture.conflicted }
        try #require(others.count == 2)
        for id in others { try fixture.deleteWhileEditing(id) }
        try await fixture.asOffice { client, browser in
            let (_, queue) = try await browser.get(client, Self.base + "conflicts")
            #expect(queue.components(separatedBy: "Dihapus dan diubah bersamaan").count - 1 == 2)
            // Who deleted and who edited, each on its side.
            let deleter = #"<p><strong>Dihapus</strong></p><p class="muted">tab-citra · "#
            let editor = #"<p><strong>Diubah</strong></p><p class="muted">tab-dedi</p>"#
            #expect(queue.contains(deleter) && queue.contains(editor), "\(queue)")

            let (kept, _) = try await browser.post(client, Self.base + "records/\(others[0])/resolve", [("action", "delete")])
            #expect(kept.status == .seeOther)
            let deleted = try fixture.replica.record(survey: WebFixture.survey, id: others[0])
            #expect(deleted.deleted && deleted.conflicts.isEmpty)

            let (restored, _) = try await browser.post(client, Self.base + "records/\(others[1])/resolve", [("action", "restore")])
            #expect(restored.status == .seeOther)
            let back = try fixture.replica.record(survey: WebFixture.survey, id: others[1])
            #expect(!back.deleted && back.conflicts.isEmpty)
            #expect(back.fields["pekerja_laki"] == .integer(9), "the edit made meanwhile is kept")
        }
    }

    @Test("a typed value is read by the field's type, and a bad one is refused with the form's message")
    func resolveByTyping() async throws {
        let fixture = try WebFixture(records: 3)
        try await fixture.asOffice { client, browser in
            _ = try await browser.get(client, Self.base)
            let before = try fixture.replica.versionVector(survey: WebFixture.survey)
            let (refused, page) = try await browser.post(client, Self.base + "records/\(fixture.conflicted)/resolve", [("field", "pekerja_laki"), ("other", "900")])
            #expect(refused.status == .unprocessableContent)
            #expect(page.contains("Jumlah pekerja 0 sampai 500"))
            #expect(try fixture.replica.versionVector(survey: WebFixture.survey) == before)
            let (response, _) = try await browser.post(client, Self.base + "records/\(fixture.conflicted)/resolve", [("field", "pekerja_laki"), ("other", "5")])
            #expect(response.status == .seeOther)
            #expect(try fixture.replica.record(survey: WebFixture.survey, id: fixture.conflicted).fields["pekerja_laki"] == .integer(5))
        }
    }

    @Test("a form post without the session's CSRF token is refused and changes nothing")
    func csrf() async throws {
        let fixture = try WebFixture(records: 3)
        try await fixture.asOffice { client, browser in
            _ = try await browser.get(client, Self.base)
            let before = try fixture.replica.versionVector(survey: WebFixture.survey)
            let path = Self.base + "records/\(fixture.conflicted)/review"
            let (missing, _) = try await browser.post(client, path, [("state", "approved")], csrf: false)
            #expect(missing.status == .forbidden)
            let (wrong, _) = try await browser.post(client, path, [("state", "approved"), ("csrf", "forged")], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try fixture.replica.versionVector(survey: WebFixture.survey) == before)
        }
    }

    @Test("a review needs a note for has issues, and reaches the record with the clerk's name")
    func review() async throws {
        let fixture = try WebFixture(records: 3)
        try await fixture.asOffice { client, browser in
            _ = try await browser.get(client, Self.base)
            let path = Self.base + "records/\(fixture.conflicted)/review"
            let (noNote, _) = try await browser.post(client, path, [("state", "hasIssues"), ("note", " ")])
            #expect(noNote.status == .unprocessableContent)
            let (saved, _) = try await browser.post(client, path, [("state", "hasIssues"), ("note", "Foto papan nama kurang jelas")])
            #expect(saved.status == .seeOther)
            let review = try #require(try fixture.replica.reviews(survey: WebFixture.survey, state: .hasIssues).first)
            #expect(review.record == fixture.conflicted)
            #expect(review.note == "Foto papan nama kurang jelas")
            #expect(review.by == "meja-dewi")
            let (_, page) = try await browser.get(client, Self.base + "records/\(fixture.conflicted)")
            #expect(page.contains("Foto papan nama kurang jelas"))
        }
    }

    @Test("ticked rows and a whole filter are approved together")
    func bulkApprove() async throws {
        let fixture = try WebFixture(records: 8)
        try await fixture.asOffice { client, browser in
            _ = try await browser.get(client, Self.base + "records")
            let ids = try fixture.replica.records(survey: WebFixture.survey).map(\.id)
            let (ticked, _) = try await browser.post(client, Self.base + "review", [("scope", "ticked"), ("id", ids[0]), ("id", ids[1])])
            #expect(ticked.status == .seeOther)
            #expect(Set(try fixture.replica.reviews(survey: WebFixture.survey, state: .approved).map(\.record)) == Set(ids.prefix(2)))
            let (all, _) = try await browser.post(client, Self.base + "review", [("scope", "filter"), ("filter-state", "received")])
            #expect(all.status == .seeOther)
            #expect(try fixture.replica.reviews(survey: WebFixture.survey, state: .approved).count == ids.count)
        }
    }

    @Test("the CSV of approved records is the bytes of sentra export --state approved")
    func export() async throws {
        let fixture = try WebFixture(records: 6)
        let ids = try fixture.replica.records(survey: WebFixture.survey).map(\.id)
        for id in ids.prefix(3) { _ = try fixture.replica.setReview(survey: WebFixture.survey, record: id, review: Review(state: .approved)) }
        let expected = try fixture.replica.export(survey: WebFixture.survey, state: .approved, format: .csv)
        try await fixture.asOffice { client, browser in
            let response = try await client.execute(uri: Self.base + "export?format=csv&state=approved", method: .get,
                                                    headers: [.cookie: browser.cookieHeader], body: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(Data(buffer: response.body) == expected)
            #expect(String(buffer: response.body).hasPrefix("id,form,"))
            #expect(String(buffer: response.body).contains("review_state"))
            // A search narrows the download to what the list shows.
            let narrowed = try await client.execute(uri: Self.base + "export?format=json&q=ujicoba", method: .get,
                                                    headers: [.cookie: browser.cookieHeader], body: nil)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: narrowed.body)) as? [[String: Any]]
            #expect(json?.count == 1)
        }
    }

    @Test("a new form version is published from an upload; a stale one is refused and changes nothing")
    func publishForm() async throws {
        let fixture = try WebFixture(records: 1)
        var next = CensusForm.usaha
        next.version = 2
        let json = try JSONEncoder().encode(next)
        try await fixture.asOffice { client, browser in
            _ = try await browser.get(client, Self.base + "forms")
            func upload(_ data: Data, csrf: String?) async throws -> (TestResponse, String) {
                let boundary = "sentraBoundary42"
                var body = Data()
                if let csrf { body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8) }
                body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"usaha.json\"\r\nContent-Type: application/json\r\n\r\n".utf8)
                body += data + Data("\r\n--\(boundary)--\r\n".utf8)
                let response = try await client.execute(uri: Self.base + "forms", method: .post, headers: [
                    .cookie: browser.cookieHeader, .contentType: "multipart/form-data; boundary=\(boundary)",
                ], body: ByteBuffer(bytes: body))
                return (response, String(buffer: response.body))
            }
            let (forged, _) = try await upload(json, csrf: nil)
            #expect(forged.status == .forbidden)
            #expect(try fixture.replica.publishedForms(survey: WebFixture.survey).first?.form.version == 1)
            let (published, page) = try await upload(json, csrf: browser.csrf)
            #expect(published.status == .ok)
            #expect(page.contains("versi 2 terbit"))
            #expect(try fixture.replica.publishedForms(survey: WebFixture.survey).first?.form.version == 2)
            let (_, stale) = try await upload(json, csrf: browser.csrf)
            #expect(stale.contains("class=\"error\""))
            #expect(try fixture.replica.publishedForms(survey: WebFixture.survey).first?.form.version == 2)
        }
    }

    @Test("text from records is escaped, never markup")
    func escaping() async throws {
        let fixture = try WebFixture(records: 1)
        let id = try fixture.replica.records(survey: WebFixture.survey)[0].id
        _ = try fixture.replica.setFields(survey: WebFixture.survey, record: id, fields: .values(["nama_usaha": .string("<script>alert(1)</script>")]))
        try await fixture.asOffice { client, browser in
            let (_, list) = try await browser.get(client, Self.base + "records")
            #expect(!list.contains("<script>alert(1)</script>"))
            #expect(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
