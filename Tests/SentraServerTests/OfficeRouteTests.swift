import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// The office's routes: records, conflicts, resolution and export.
@Suite("Office routes")
struct OfficeRouteTests {
    static let survey = NodeFixture.survey

    /// A node holding one record that two tablets edited concurrently, and one deleted record.
    struct Conflicted {
        let fixture: NodeFixture
        let record: String
        let deleted: String

        init() throws {
            fixture = try NodeFixture()
            let ani = try fixture.device("tablet-ani")
            let budi = try fixture.device("tablet-budi")
            record = try ani.addRecord(survey: survey, form: "usaha", fields: .values(["nama_usaha": .string("Konveksi Maju"), "pekerja": .integer(4)])).record
            deleted = try ani.addRecord(survey: survey, form: "usaha", fields: .values(["nama_usaha": .string("Tutup")])).record
            try ani.deleteRecord(survey: survey, record: deleted)
            _ = try budi.apply(ani.changes(survey: survey).map(\.change), survey: survey)
            try ani.setFields(survey: survey, record: record, fields: .values(["pekerja": .integer(5)]))
            try budi.setFields(survey: survey, record: record, fields: .values(["pekerja": .integer(6)]))
            for device in [ani, budi] {
                _ = try fixture.replica.apply(device.changes(survey: survey).map(\.change), survey: survey)
            }
        }
    }

    @Test("records, one record, and conflicts, as the CLI shows them")
    func reads() async throws {
        let setup = try Conflicted()
        let fixture = setup.fixture
        try await fixture.withClient { client in
            let token = fixture.tokens.office
            let records = try await client.send(.get, surveyPath("records"), token: token)
            #expect(try Self.ids(records) == [setup.record])
            let withDeleted = try await client.send(.get, surveyPath("records?deleted=true"), token: token)
            #expect(try Set(Self.ids(withDeleted)) == [setup.record, setup.deleted])
            let otherForm = try await client.send(.get, surveyPath("records?form=rumah&deleted=true"), token: token)
            #expect(try Self.ids(otherForm).isEmpty)
            let badFlag = try await client.send(.get, surveyPath("records?deleted=maybe"), token: token)
            #expect(badFlag.status == .badRequest)
            #expect(try badFlag.error.code == "invalid_query")

            let record = try await client.send(.get, surveyPath("records/\(setup.record)"), token: token)
            let object = try JSONSerialization.jsonObject(with: try record.data) as! [String: Any]
            #expect(object["id"] as? String == setup.record)
            #expect((object["conflicts"] as? [Any])?.count == 1)
            let missing = try await client.send(.get, surveyPath("records/no-such-record"), token: token)
            #expect(missing.status == .notFound)
            #expect(try missing.error.code == "unknown_record")

            let conflicts = try await client.send(.get, surveyPath("conflicts"), token: token)
            let list = try JSONSerialization.jsonObject(with: try conflicts.data) as! [[String: Any]]
            #expect(list.count == 1)
            #expect(list.first?["field"] as? String == "pekerja")
            #expect((list.first?["values"] as? [Any])?.count == 2)
        }
    }

    @Test("resolve takes exactly one of fields, restore and delete, and writes a change")
    func resolve() async throws {
        let setup = try Conflicted()
        let fixture = setup.fixture
        try await fixture.withClient { client in
            let token = fixture.tokens.office
            let path = surveyPath("records/\(setup.record)/resolve")
            let before = try await fixture.snapshot()
            for body in [#"{}"#, #"{"fields": {"pekerja": 5}, "delete": true}"#, #"{"restore": true, "delete": true}"#] {
                let response = try await client.send(.post, path, token: token, body: ByteBuffer(string: body))
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(try response.error.code == "invalid_input", "\(body)")
            }
            let notInConflict = try await client.send(.post, path, token: token, body: ByteBuffer(string: #"{"fields": {"nama_usaha": "X"}}"#))
            #expect(notInConflict.status == .unprocessableContent)
            let missing = try await client.send(.post, surveyPath("records/nobody/resolve"), token: token, body: ByteBuffer(string: #"{"delete": true}"#))
            #expect(missing.status == .notFound)
            #expect(try await fixture.snapshot() == before)

            let response = try await client.send(.post, path, token: token, body: ByteBuffer(string: #"{"fields": {"pekerja": 7}}"#))
            #expect(response.status == .ok)
            let written = try response.decode([String: String].self)
            #expect(written == ["id": setup.record, "change": "\(fixture.replica.node.id):1"])
            #expect(try fixture.replica.conflicts(survey: Self.survey).isEmpty)
            #expect(try fixture.replica.record(survey: Self.survey, id: setup.record).fields["pekerja"] == .integer(7))
        }
    }

    @Test("export answers CSV, JSON or NDJSON with its content type, the same bytes as the store")
    func export() async throws {
        let setup = try Conflicted()
        let fixture = setup.fixture
        try await fixture.withClient { client in
            let cases: [(String, ExportFormat, String)] = [("", .csv, "text/csv"), ("?format=csv", .csv, "text/csv"),
                                                           ("?format=json", .json, "application/json"), ("?format=ndjson&form=usaha", .ndjson, "application/x-ndjson")]
            for (query, format, type) in cases {
                let response = try await client.send(.get, surveyPath("export\(query)"), token: fixture.tokens.office, headers: [.acceptEncoding: "gzip"])
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(query)")
                let form: String? = query.contains("form=") ? "usaha" : nil
                #expect(try response.data == fixture.replica.export(survey: Self.survey, form: form, format: format), "\(query)")
            }
            let bad = try await client.send(.get, surveyPath("export?format=xlsx"), token: fixture.tokens.office)
            #expect(bad.status == .badRequest)
            #expect(try bad.error.message.contains("xlsx"))
        }
    }

    static func ids(_ response: TestResponse) throws -> [String] {
        #expect(response.status == .ok)
        let list = try JSONSerialization.jsonObject(with: try response.data) as! [[String: Any]]
        return list.compactMap { $0["id"] as? String }
    }
}
