import Foundation
import SentraCore
import Testing
@testable import SentraStore

@Suite struct ImportTests {
    let fixture: StoreFixture
    let replica: Replica

    init() throws {
        fixture = try StoreFixture()
        replica = try fixture.replica()
    }

    @Test func schemalessCSVWithQuotesCommasAndNewlinesRoundTripsThroughExport() throws {
        let csv = "id,nama_usaha,alamat,catatan,telepon,pekerja\r\n"
            + "k1,\"Konveksi \"\"Maju\"\", Jaya\",\"Kp. Babakan RT 02/05,\r\nDesa Sindangmulya\",\" dijahit di rumah \",0812555,12\r\n"
            + "k2,Gamis Bu Imas,,\"satu \"\"kutip\"\"\",,3\r\n"
        let result = try replica.importRecords(Data(csv.utf8), format: .csv, survey: "ikm", form: "usaha")
        #expect(result == ImportResult(imported: 2, transactions: 1))

        let k1 = try replica.record(survey: "ikm", id: "k1")
        #expect(k1.fields["nama_usaha"] == .string("Konveksi \"Maju\", Jaya"))
        #expect(k1.fields["alamat"] == .string("Kp. Babakan RT 02/05,\r\nDesa Sindangmulya"))
        #expect(k1.fields["telepon"] == .string("0812555"), "a phone number with a leading zero stays text")
        #expect(k1.fields["pekerja"] == .integer(12), "schemaless cells are JSON literals when they parse")
        let k2 = try replica.record(survey: "ikm", id: "k2")
        #expect(k2.fields["alamat"] == nil && k2.entries["alamat"] == nil, "an empty cell leaves the field out")

        let (header, rows) = try StoreFixture.readCSV(try replica.export(survey: "ikm", format: .csv))
        #expect(header == ["id", "form", "alamat", "catatan", "nama_usaha", "pekerja", "telepon"] + FieldName.reviewColumnOrder + ["conflict", "deleted"])
        let original = try CSVReader.rows(in: Data(csv.utf8)).map(\.fields)
        for (exported, given) in zip(rows, original.dropFirst()) {
            for (column, value) in zip(original[0], given) {
                #expect(StoreFixture.cell(column, of: exported, header: header) == value, "column \(column)")
            }
            #expect(StoreFixture.cell("form", of: exported, header: header) == "usaha")
            #expect(StoreFixture.cell("conflict", of: exported, header: header) == "false")
        }
    }

    @Test func typesCellsByTheFormAndLeavesEmptyCellsOut() throws {
        try replica.importForm(StoreFixture.usaha, survey: "ikm")
        let csv = """
            nama_usaha,desa,pekerja_perempuan,omzet_bulanan,punya_nib,produk,lokasi,tanggal_kunjungan
            Konveksi Maju,Sindangmulya,7,12500000.5,ya,"kaos,seragam","-6.4312,107.1021",2024-11-29
            Gamis Bu Imas,,,,tidak,,,

            """
        #expect(try replica.importRecords(Data(csv.utf8), format: .csv, survey: "ikm", form: "usaha").imported == 2)
        let records = try replica.records(survey: "ikm").sorted { $0.fields.count > $1.fields.count }
        #expect(records.count == 2)
        #expect(records.allSatisfy { RecordID.isValid($0.id) && $0.id.count == 36 }, "new records get UUIDv7 IDs")
        #expect(records[0].fields == [
            "nama_usaha": .string("Konveksi Maju"), "desa": .string("Sindangmulya"),
            "pekerja_perempuan": .integer(7), "omzet_bulanan": .decimal(12_500_000.5), "punya_nib": .bool(true),
            "produk": .array([.string("kaos"), .string("seragam")]),
            "lokasi": .object(["lat": .decimal(-6.4312), "lon": .decimal(107.1021)]),
            "tanggal_kunjungan": .string("2024-11-29"),
        ])
        #expect(records[1].fields == ["nama_usaha": .string("Gamis Bu Imas"), "punya_nib": .bool(false)])
        #expect(records[1].entries.keys.sorted() == ["nama_usaha", "punya_nib"])
    }

    @Test func eachRowIsAnOrdinaryLocalChange() throws {
        try replica.addRecord(survey: "ikm", form: "usaha", id: "before", fields: .text(["nama_usaha": "A"]))
        _ = try replica.importRecords(Data("id,nama_usaha\nk1,B\nk2,C\n".utf8), format: .csv, survey: "ikm", form: "usaha")
        try replica.addRecord(survey: "ikm", form: "usaha", id: "after", fields: .text(["nama_usaha": "D"]))
        let changes = try replica.changes(survey: "ikm").map(\.change)
        #expect(changes.map(\.record) == ["before", "k1", "k2", "after"])
        #expect(changes.map(\.dot.counter) == [1, 2, 3, 4])
        #expect(changes.allSatisfy { $0.dot.origin == replica.node.id && $0.context == VersionVector() && $0.form == "usaha" })
        #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.hlc < $1.hlc })
        #expect(changes[1].operation == .assign(["nama_usaha": .string("B")]))
        #expect(try replica.versionVector(survey: "ikm")[replica.node.id] == 4)
    }

    @Test func importsNDJSON() throws {
        try replica.importForm(StoreFixture.usaha, survey: "ikm")
        let ndjson = "\u{FEFF}{\"id\":\"k1\",\"nama_usaha\":\"Maju\",\"pekerja_perempuan\":4,\"omzet_bulanan\":3.5,\"produk\":[\"kaos\"]}\r\n"
            + "\n   \n"
            + "{\"nama_usaha\":\"Tanpa ID\",\"lokasi\":{\"lat\":-6.43,\"lon\":107.1},\"id\":null}\n"
        let result = try replica.importRecords(Data(ndjson.utf8), format: .ndjson, survey: "ikm", form: "usaha")
        #expect(result == ImportResult(imported: 2, transactions: 1))
        let k1 = try replica.record(survey: "ikm", id: "k1")
        #expect(k1.fields == ["nama_usaha": .string("Maju"), "pekerja_perempuan": .integer(4),
                              "omzet_bulanan": .decimal(3.5), "produk": .array([.string("kaos")])])
        #expect(try replica.records(survey: "ikm").count == 2)
    }

    @Test func importsSchemalessNDJSONKeepingJSONTypes() throws {
        let ndjson = "{\"id\":\"x\",\"n\":1,\"d\":1.5,\"s\":\"1\",\"b\":true,\"a\":[1,\"x\"],\"o\":{\"k\":null}}\n"
        _ = try replica.importRecords(Data(ndjson.utf8), format: .ndjson, survey: "ikm", form: "catatan")
        #expect(try replica.record(survey: "ikm", id: "x").fields == [
            "n": .integer(1), "d": .decimal(1.5), "s": .string("1"), "b": .bool(true),
            "a": .array([.integer(1), .string("x")]), "o": .object(["k": .null]),
        ])
    }

    @Test func writes2500RowsInTransactionsOf1000() throws {
        try replica.importForm(StoreFixture.usaha, survey: "ikm")
        var csv = "id,nama_usaha,pekerja_perempuan\r\n"
        for index in 1...2_500 { csv += "usaha-\(index),\"Konveksi \(index), Cibarusah\",\(index % 40)\r\n" }
        let result = try replica.importRecords(Data(csv.utf8), format: .csv, survey: "ikm", form: "usaha")
        #expect(result == ImportResult(imported: 2_500, transactions: 3))
        let changes = try replica.changes(survey: "ikm")
        #expect(changes.count == 2_500)
        #expect(changes.map(\.change.dot.counter) == Array(1...2_500))
        #expect(Set(changes.map(\.change.record)).count == 2_500)
        #expect(try replica.versionVector(survey: "ikm") == VersionVector([replica.node.id: 2_500]))
        let survey = try #require(try replica.status().surveys.first { $0.name == "ikm" })
        #expect(survey.records == 2_500 && survey.changes == 2_500 && survey.conflicts == 0)
        #expect(try replica.record(survey: "ikm", id: "usaha-2500").fields["pekerja_perempuan"] == .integer(20))
    }

    @Test func countsOnlyTransactionsThatWrite() throws {
        let five = "id,a\n" + (1...5).map { "r\($0),\($0)\n" }.joined()
        #expect(try replica.importRecords(Data(five.utf8), format: .csv, survey: "ikm", form: "f", batchSize: 2) == ImportResult(imported: 5, transactions: 3))
        #expect(try replica.importRecords(Data("id,a\n".utf8), format: .csv, survey: "ikm", form: "f") == ImportResult())
        #expect(try replica.importRecords(Data(), format: .ndjson, survey: "ikm", form: "f") == ImportResult())
        #expect(try replica.changes(survey: "ikm").count == 5)
    }
}
