import Foundation
import SentraCore
import Testing
@testable import SentraStore

@Suite struct ExportTests {
    let fixture: StoreFixture
    let replica: Replica

    static let bangunan = FormDefinition(name: "bangunan", fields: [
        FieldDefinition(name: "luas", type: .decimal),
        FieldDefinition(name: "nama_usaha", type: .text),
    ])

    init() throws {
        fixture = try StoreFixture()
        replica = try fixture.replica()
        try replica.importForm(StoreFixture.usaha, survey: "ikm")
        try replica.importForm(Self.bangunan, survey: "ikm")
    }

    @Test func csvHasFixedColumnsFormFieldsInDefinitionOrderThenExtraFields() throws {
        try replica.addRecord(survey: "ikm", form: "usaha", id: "u1", fields: .values([
            "nama_usaha": .string("Konveksi \"Maju\", Jaya"), "desa": .string("Sindangmulya"),
            "pekerja_perempuan": .integer(7), "omzet_bulanan": .decimal(1_250_000.5), "punya_nib": .bool(true),
            "produk": .array([.string("kaos"), .string("gamis")]),
            "lokasi": .object(["lat": .decimal(-6.4312), "lon": .decimal(107.1021)]),
        ]))
        try replica.addRecord(survey: "ikm", form: "bangunan", id: "b1", fields: .values(["luas": .integer(36), "nama_usaha": .string("Gudang")]))
        try replica.addRecord(survey: "ikm", form: "catatan", id: "c1", fields: .values([
            "mesin": .array([.integer(3), .string("obras")]), "meta": .object(["k": .null]), "kosong": .null, "teks": .string(" spasi "),
        ]), schemaless: true)
        try replica.addRecord(survey: "ikm", form: "usaha", id: "u2", fields: .text(["nama_usaha": "Dihapus"]))
        try replica.deleteRecord(survey: "ikm", record: "u2")

        let data = try replica.export(survey: "ikm", format: .csv)
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("id,form,luas,nama_usaha,desa,pekerja_perempuan,omzet_bulanan,punya_nib,produk,lokasi,tanggal_kunjungan,kosong,mesin,meta,teks,review_state,review_note,reviewer,review_time,conflict,deleted\r\n"))
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let (header, rows) = try StoreFixture.readCSV(data)
        #expect(rows.map { $0[0] } == ["b1", "c1", "u1"], "sorted by ID, the deleted record left out")
        #expect(rows[0] == ["b1", "bangunan", "36", "Gudang", "", "", "", "", "", "", "", "", "", "", "", "received", "", "", "", "false", "false"])
        #expect(rows[1] == ["c1", "catatan", "", "", "", "", "", "", "", "", "", "", "[3,\"obras\"]", "{\"k\":null}", " spasi ", "received", "", "", "", "false", "false"])
        #expect(rows[2] == ["u1", "usaha", "", "Konveksi \"Maju\", Jaya", "Sindangmulya", "7", "1250000.5", "true", "kaos;gamis",
                            "-6.4312,107.1021", "", "", "", "", "", "received", "", "", "", "false", "false"])
        #expect(rows.allSatisfy { $0.count == header.count })

        let usahaOnly = try StoreFixture.readCSV(try replica.export(survey: "ikm", form: "usaha", format: .csv))
        #expect(usahaOnly.header == ["id", "form"] + StoreFixture.usaha.fields.map(\.name) + FieldName.reviewColumnOrder + ["conflict", "deleted"])
        #expect(usahaOnly.rows.map { $0[0] } == ["u1"])
    }

    @Test func conflictColumnIsTrueForARecordInConflict() throws {
        let other = try fixture.replica("tablet-budi")
        try other.importForm(StoreFixture.usaha, survey: "ikm")
        try replica.addRecord(survey: "ikm", form: "usaha", id: "k1", fields: .text(["nama_usaha": "Konveksi Maju"]))
        try replica.addRecord(survey: "ikm", form: "usaha", id: "k2", fields: .text(["nama_usaha": "Gamis Bu Imas"]))
        try other.apply(try replica.changes(survey: "ikm").map(\.change), survey: "ikm")
        try replica.setFields(survey: "ikm", record: "k1", fields: .text(["pekerja_perempuan": "5"]))
        try other.setFields(survey: "ikm", record: "k1", fields: .text(["pekerja_perempuan": "6"]))
        let result = try replica.apply(try other.changes(survey: "ikm").map(\.change), survey: "ikm")
        #expect(result.applied == 1 && result.newConflicts == 1)

        let (header, rows) = try StoreFixture.readCSV(try replica.export(survey: "ikm", format: .csv))
        #expect(rows.map { StoreFixture.cell("conflict", of: $0, header: header) } == ["true", "false"])
        let shown = try replica.record(survey: "ikm", id: "k1").fields["pekerja_perempuan"]
        #expect(StoreFixture.cell("pekerja_perempuan", of: rows[0], header: header) == shown.map { Replica.csvCell($0) })

        let json = try JSONSerialization.jsonObject(with: try replica.export(survey: "ikm", format: .json)) as? [[String: Any]]
        let first = try #require(json?.first)
        #expect(Set(first.keys) == ["id", "form", "deleted", "conflict", "fields", "conflicts", "review"])
        #expect(first["conflict"] as? Bool == true && first["deleted"] as? Bool == false)
        let conflicts = try #require(first["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1 && conflicts[0]["field"] as? String == "pekerja_perempuan")
        #expect((conflicts[0]["values"] as? [Any])?.count == 2)
        #expect(json?.last?["conflict"] as? Bool == false)
    }

    @Test func jsonIsPrettyWithSortedKeysAndNDJSONHasOneCompactObjectPerLine() throws {
        try replica.addRecord(survey: "ikm", form: "usaha", id: "k1", fields: .text(["nama_usaha": "Maju/Jaya", "pekerja_perempuan": "3"]))
        try replica.addRecord(survey: "ikm", form: "usaha", id: "k2", fields: .text(["nama_usaha": "Gamis"]))
        let json = String(decoding: try replica.export(survey: "ikm", format: .json), as: UTF8.self)
        #expect(json.hasPrefix("[\n  {\n    \"conflict\" : false,\n    \"conflicts\" : [\n\n    ],\n    \"deleted\" : false,\n    \"fields\" : {\n      \"nama_usaha\" : \"Maju/Jaya\",\n      \"pekerja_perempuan\" : 3\n    },\n    \"form\" : \"usaha\",\n    \"id\" : \"k1\",\n    \"review\" : {\n      \"by\" : \"\",\n      \"note\" : \"\",\n      \"state\" : \"received\"\n    }\n  },"))
        let lines = String(decoding: try replica.export(survey: "ikm", format: .ndjson), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"conflict":false,"conflicts":[],"deleted":false,"fields":{"nama_usaha":"Maju/Jaya","pekerja_perempuan":3},"form":"usaha","id":"k1","review":{"by":"","note":"","state":"received"}}"#)
        let decoded = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(decoded.map { $0?["id"] as? String } == ["k1", "k2"])
    }

    @Test func emptyAndInvalidExports() throws {
        #expect(try replica.export(survey: "ikm", format: .json) == Data("[]\n".utf8))
        #expect(try replica.export(survey: "ikm", format: .ndjson).isEmpty)
        #expect(String(decoding: try replica.export(survey: "ikm", form: "bangunan", format: .csv), as: UTF8.self) == "id,form,luas,nama_usaha,review_state,review_note,reviewer,review_time,conflict,deleted\r\n")
        #expect(throws: StoreError.self) { try replica.export(survey: "lain", format: .csv) }
        #expect(throws: StoreError.self) { try replica.export(survey: "ikm", form: "bad form", format: .csv) }
    }
}
