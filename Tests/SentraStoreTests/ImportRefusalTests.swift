import Foundation
import SentraCore
import Testing
@testable import SentraStore

/// A file with one bad row, and what its error must say.
struct BadImport: Sendable, CustomTestStringConvertible {
    var name: String
    var format: ImportFormat
    var text: String
    /// The line and the field (or ID) the message must name.
    var mentions: [String]

    var testDescription: String { name }

    static let header = "id,nama_usaha,desa,pekerja_perempuan\n"
    static let good = "k1,Konveksi Maju,Sindangmulya,4\nk2,\"Gamis, Bu Imas\",Ridogalih,\n"

    static let all: [BadImport] = [
        BadImport(name: "wrong type", format: .csv, text: header + good + "k3,Kaos Jaya,Ridogalih,banyak\n",
                  mentions: ["line 4:", "pekerja_perempuan", "banyak"]),
        BadImport(name: "choice not in the list", format: .csv, text: header + good + "k3,Kaos Jaya,Jakarta,2\n",
                  mentions: ["line 4:", "desa", "Jakarta"]),
        BadImport(name: "missing required field", format: .csv, text: header + good + "k3,,Ridogalih,2\n",
                  mentions: ["line 4:", "nama_usaha"]),
        BadImport(name: "unknown field column", format: .csv, text: "id,nama_usaha,warna\nk1,Maju,merah\n",
                  mentions: ["line 1:", "warna"]),
        BadImport(name: "unknown field in NDJSON", format: .ndjson,
                  text: "{\"id\":\"k1\",\"nama_usaha\":\"Maju\"}\n{\"id\":\"k2\",\"nama_usaha\":\"Jaya\",\"warna\":\"merah\"}\n",
                  mentions: ["line 2:", "warna"]),
        BadImport(name: "wrong JSON type", format: .ndjson,
                  text: "{\"nama_usaha\":\"Maju\"}\n\n{\"nama_usaha\":\"Jaya\",\"pekerja_perempuan\":\"4\"}\n",
                  mentions: ["line 3:", "pekerja_perempuan"]),
        BadImport(name: "invalid record ID", format: .csv, text: header + good + "k 3,Kaos Jaya,Ridogalih,2\n",
                  mentions: ["line 4:", "k 3"]),
        BadImport(name: "duplicate ID in the file", format: .csv, text: header + good + "k1,Kaos Jaya,Ridogalih,2\n",
                  mentions: ["line 4:", "k1", "line 2"]),
        BadImport(name: "existing ID", format: .csv, text: header + "k1,Maju,,\nada,Kaos Jaya,Ridogalih,2\n",
                  mentions: ["line 3:", "ada", "already exists"]),
        BadImport(name: "wrong cell count", format: .csv, text: header + good + "k3,Kaos Jaya\n",
                  mentions: ["line 4:", "2 cells"]),
        BadImport(name: "unterminated quote", format: .csv, text: header + good + "k3,\"Kaos Jaya,Ridogalih,2\n",
                  mentions: ["line 4:"]),
        BadImport(name: "not JSON", format: .ndjson, text: "{\"nama_usaha\":\"Maju\"}\n[1, 2]\n",
                  mentions: ["line 2:", "JSON object"]),
        BadImport(name: "id not a string", format: .ndjson, text: "{\"id\":7,\"nama_usaha\":\"Maju\"}\n",
                  mentions: ["line 1:", "\"id\""]),
    ]
}

@Suite struct ImportRefusalTests {
    let fixture: StoreFixture
    let replica: Replica

    init() throws {
        fixture = try StoreFixture()
        replica = try fixture.replica()
        try replica.importForm(StoreFixture.usaha, survey: "ikm")
        try replica.addRecord(survey: "ikm", form: "usaha", id: "ada", fields: .text(["nama_usaha": "Sudah Ada"]))
    }

    @Test(arguments: BadImport.all)
    func oneBadRowChangesNothingAtAll(_ bad: BadImport) throws {
        let before = try ImportSnapshot(replica)
        for batchSize in [1, 1_000] {
            let error = #expect(throws: StoreError.self) {
                try replica.importRecords(Data(bad.text.utf8), format: bad.format, survey: "ikm", form: "usaha", batchSize: batchSize)
            }
            #expect(error?.code == .invalidInput)
            for mention in bad.mentions {
                #expect(error?.message.contains(mention) == true, "\(error?.message ?? "no error") should mention \(mention)")
            }
        }
        #expect(try ImportSnapshot(replica) == before)
    }

    @Test func refusesABadFormNameAnUnknownSurveyAndABadBatchSize() throws {
        let before = try ImportSnapshot(replica)
        let csv = Data("nama_usaha\nMaju\n".utf8)
        let badForm = #expect(throws: StoreError.self) {
            try replica.importRecords(csv, format: .csv, survey: "ikm", form: "bad form")
        }
        #expect(badForm?.code == .invalidInput)
        let noSurvey = #expect(throws: StoreError.self) {
            try replica.importRecords(csv, format: .csv, survey: "lain", form: "usaha")
        }
        #expect(noSurvey?.code == .unknownSurvey)
        let noBatch = #expect(throws: StoreError.self) {
            try replica.importRecords(csv, format: .csv, survey: "ikm", form: "usaha", batchSize: 0)
        }
        #expect(noBatch?.code == .invalidInput)
        let empty = #expect(throws: StoreError.self) {
            try replica.importRecords(Data(), format: .csv, survey: "ikm", form: "usaha")
        }
        #expect(empty?.message.hasPrefix("line 1:") == true)
        #expect(try ImportSnapshot(replica) == before)
    }

    @Test func refusesBadHeaders() throws {
        for (header, mention) in [("nama_usaha,,desa", "column 2"), ("nama_usaha,desa,nama_usaha", "nama_usaha"),
                                  ("nama_usaha,_deleted", "_deleted")] {
            let error = #expect(throws: StoreError.self) {
                try replica.importRecords(Data("\(header)\n".utf8), format: .csv, survey: "ikm", form: "catatan", schemaless: true)
            }
            #expect(error?.message.hasPrefix("line 1:") == true)
            #expect(error?.message.contains(mention) == true)
        }
    }

    /// A survey that defines forms refuses new records of a form it does not define: a typo would
    /// skip every check. `schemaless: true` writes them anyway. Decision 0010.
    @Test func refusesAFormTheSurveyDoesNotDefine() throws {
        let before = try ImportSnapshot(replica)
        let fields = FieldInput.text(["nama_usaha": "Konveksi Typo", "pekerja_perempuan": "abc"])
        let add = #expect(throws: StoreError.self) { try replica.addRecord(survey: "ikm", form: "usha", fields: fields) }
        #expect(add?.code == .unknownForm)
        #expect(add?.message.contains("usaha") == true, "the message names the forms there are: \(add?.message ?? "")")
        let addMany = #expect(throws: StoreError.self) { try replica.addRecords(survey: "ikm", form: "usha", [(nil, fields)]) }
        #expect(addMany?.code == .unknownForm)
        let csv = Data("nama_usaha,pekerja_perempuan\nKonveksi Typo,abc\n".utf8)
        let imported = #expect(throws: StoreError.self) { try replica.importRecords(csv, format: .csv, survey: "ikm", form: "usha") }
        #expect(imported?.code == .unknownForm)
        #expect(try ImportSnapshot(replica) == before)

        try replica.addRecord(survey: "ikm", form: "catatan", id: "n1", fields: .text(["isi": "tutup"]), schemaless: true)
        #expect(try replica.importRecords(Data("isi\nbuka\n".utf8), format: .csv, survey: "ikm", form: "catatan", schemaless: true).imported == 1)
        #expect(try replica.records(survey: "ikm", form: "catatan", includeDeleted: false).count == 2)
    }
}
