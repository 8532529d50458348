import Foundation
import SentraCore

/// Plain SQLite inserts of the benchmark's records through the C API, with the replica's
/// durability: what an application without sync would write.
///
/// - ``insertWide(_:perTransaction:in:)``: one row per record, one column per field, as a survey
///   app stores a form.
/// - ``insertNarrow(_:perTransaction:in:)``: one narrow row per field value `(record, field,
///   value)`, the shape of a replica's field entries without their dots and clocks.
enum RawBaseline {
    /// Seconds to insert `records` as wide rows, `perTransaction` to a commit.
    static func insertWide(_ records: ArraySlice<BenchRecords.Record>, perTransaction: Int, in directory: String) throws -> Double {
        let fields = BenchRecords.form.fields.map(\.name)
        let database = try RawSQLite(path: "\(directory)/raw-wide-\(UUID().uuidString).db")
        try database.execute("CREATE TABLE usaha (id TEXT PRIMARY KEY NOT NULL, \(fields.map { "\"\($0)\"" }.joined(separator: ", ")))")
        let insert = try database.prepare(
            "INSERT INTO usaha VALUES (?\(String(repeating: ", ?", count: fields.count)))")
        return try Stopwatch.seconds {
            for batch in records.chunks(of: perTransaction) {
                try database.execute("BEGIN")
                for record in batch {
                    insert.bind(1, .text(record.id))
                    for (index, field) in fields.enumerated() {
                        insert.bind(Int32(index + 2), rawValue(record.fields[field] ?? .null))
                    }
                    try insert.run()
                }
                try database.execute("COMMIT")
            }
        }
    }

    /// Seconds to insert every field value of `records` as a narrow row, `perTransaction`
    /// records to a commit.
    static func insertNarrow(_ records: ArraySlice<BenchRecords.Record>, perTransaction: Int, in directory: String) throws -> Double {
        let database = try RawSQLite(path: "\(directory)/raw-narrow-\(UUID().uuidString).db")
        try database.execute("CREATE TABLE value (record TEXT NOT NULL, field TEXT NOT NULL, value, PRIMARY KEY (record, field)) WITHOUT ROWID")
        let insert = try database.prepare("INSERT INTO value VALUES (?, ?, ?)")
        return try Stopwatch.seconds {
            for batch in records.chunks(of: perTransaction) {
                try database.execute("BEGIN")
                for record in batch {
                    for (field, value) in record.fields {
                        insert.bind(1, .text(record.id))
                        insert.bind(2, .text(field))
                        insert.bind(3, rawValue(value))
                        try insert.run()
                    }
                }
                try database.execute("COMMIT")
            }
        }
    }

    /// A field value as a plain application binds it.
    static func rawValue(_ value: FieldValue) -> RawSQLite.RawValue {
        switch value {
        case .integer(let number): .integer(number)
        case .decimal(let number): .real(number)
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .string(let text): .text(text)
        case .null, .array, .object: .text(value.jsonText)
        }
    }
}

extension Collection {
    /// Consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [SubSequence] {
        var result: [SubSequence] = []
        var start = startIndex
        while start != endIndex {
            let end = index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex
            result.append(self[start..<end])
            start = end
        }
        return result
    }
}
