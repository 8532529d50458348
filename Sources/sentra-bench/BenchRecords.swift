import Foundation
import IKMKonveksi
import SentraCore

/// Census records for the long form (45 fields), from the example generator: the same seed
/// gives the same records, and so the same bytes, in every run.
struct BenchRecords {
    struct Record {
        let id: String
        let fields: [String: FieldValue]
    }

    static let survey = CensusForm.survey
    static let form = CensusForm.usahaLengkap

    let records: [Record]

    init(count: Int, seed: UInt64) {
        var records: [Record] = []
        records.reserveCapacity(count)
        Self.generate(count: count, seed: seed, chunk: count) { records += $0 }
        self.records = records
    }

    /// The records of ``init(count:seed:)``, the same ones in the same order, handed to `body`
    /// `chunk` at a time: a million records need never sit in memory at once (P9).
    static func generate(count: Int, seed: UInt64, chunk: Int, _ body: ([Record]) throws -> Void) rethrows {
        var generator = CensusGenerator(seed: seed)
        var ids = SeededGenerator(seed: seed ^ 0x5e17a)
        var start = 0
        while start < count {
            let end = min(count, start + max(1, chunk))
            try body((start..<end).map { index in
                Record(id: RecordID.uuidV7(milliseconds: 1_722_470_400_000 + Int64(index), using: &ids), fields: generator.nextLengkap())
            })
            start = end
        }
    }

    init(slice: ArraySlice<Record>) { records = Array(slice) }

    /// The number of field values in all records.
    var fieldValues: Int { records.reduce(0) { $0 + $1.fields.count } }

    /// The records as plain JSON, `[{"id": …, "nama_usaha": …, …}]`: what the baseline of P5 gzips.
    func plainJSON() throws -> Data {
        let objects = records.map { record in
            FieldValue.object(record.fields.merging(["id": .string(record.id)]) { field, _ in field })
        }
        return try JSONEncoder().encode(objects)
    }

    /// One line per record, `{"id": …, "fields": {…}}`, as the Loro script reads them.
    func ndjson() throws -> Data {
        var data = Data()
        let encoder = JSONEncoder()
        for record in records {
            data.append(try encoder.encode(FieldValue.object(["id": .string(record.id), "fields": .object(record.fields)])))
            data.append(0x0A)
        }
        return data
    }
}
