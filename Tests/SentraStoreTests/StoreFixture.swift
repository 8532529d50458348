import Foundation
import GRDB
import SentraCore
@testable import SentraStore

/// A temporary directory for real replica files, removed when the fixture goes away.
final class StoreFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A new replica in its own SQLite file.
    func replica(_ name: String = "tablet-ani", survey: String = "ikm") throws -> Replica {
        try Replica.create(at: directory.appendingPathComponent("\(name).db").path, name: name, survey: survey)
    }

    /// The census form the tests import into.
    static let usaha = FormDefinition(name: "usaha", title: "IKM konveksi", fields: [
        FieldDefinition(name: "nama_usaha", type: .text, required: true),
        FieldDefinition(name: "desa", type: .choice, choices: ["Cibarusah Kota", "Sindangmulya", "Ridogalih"]),
        FieldDefinition(name: "pekerja_perempuan", type: .integer),
        FieldDefinition(name: "omzet_bulanan", type: .decimal),
        FieldDefinition(name: "punya_nib", type: .boolean),
        FieldDefinition(name: "produk", type: .multichoice, choices: ["kaos", "seragam", "gamis"]),
        FieldDefinition(name: "lokasi", type: .geopoint),
        FieldDefinition(name: "tanggal_kunjungan", type: .date),
    ])
}

/// Everything a refused import must leave as it was.
struct ImportSnapshot: Equatable {
    var status: ReplicaStatus
    var versionVector: VersionVector
    var changes: [LoggedChange]
    var records: [RecordView]
    var hlc: Int64

    init(_ replica: Replica, survey: String = "ikm") throws {
        status = try replica.status()
        versionVector = try replica.versionVector(survey: survey)
        changes = try replica.changes(survey: survey)
        records = try replica.records(survey: survey, includeDeleted: true)
        hlc = try replica.read { db in try Int64.fetchOne(db, sql: "SELECT hlc FROM node") ?? 0 }
    }
}

extension StoreFixture {
    /// Parses exported CSV with the store's own reader: the header and the rows.
    static func readCSV(_ data: Data) throws -> (header: [String], rows: [[String]]) {
        let rows = try CSVReader.rows(in: data).map(\.fields)
        return (rows.first ?? [], Array(rows.dropFirst()))
    }

    /// The cell of `column` in `row`, by the header.
    static func cell(_ column: String, of row: [String], header: [String]) -> String? {
        header.firstIndex(of: column).map { row[$0] }
    }
}
