import Foundation
import SentraCore

/// Plain SQLite inserts of the benchmark's records through the C API, with the replica's
/// durability: what an application without sync would write.
///
/// - ``Shape/wide``: one row per record, one column per field, as a survey app stores a form.
/// - ``Shape/narrow``: one narrow row per field value `(record, field, value)`, the shape of a
///   replica's field entries without their dots and clocks.
final class RawBaseline {
    enum Shape { case wide, narrow }

    private let shape: Shape
    private let database: RawSQLite
    private let insert: RawSQLite.Statement
    private let fields = BenchRecords.form.fields.map(\.name)

    init(_ shape: Shape, in directory: String) throws {
        self.shape = shape
        database = try RawSQLite(path: "\(directory)/raw-\(shape)-\(UUID().uuidString).db")
        switch shape {
        case .wide:
            try database.execute("CREATE TABLE usaha (id TEXT PRIMARY KEY NOT NULL, \(fields.map { "\"\($0)\"" }.joined(separator: ", ")))")
            insert = try database.prepare("INSERT INTO usaha VALUES (?\(String(repeating: ", ?", count: fields.count)))")
        case .narrow:
            try database.execute("CREATE TABLE value (record TEXT NOT NULL, field TEXT NOT NULL, value, PRIMARY KEY (record, field)) WITHOUT ROWID")
            insert = try database.prepare("INSERT INTO value VALUES (?, ?, ?)")
        }
    }

    /// Seconds to insert `records`, `perTransaction` records to a commit, in a new table of `shape`.
    static func seconds(_ shape: Shape, _ records: ArraySlice<BenchRecords.Record>, perTransaction: Int, in directory: String) throws -> Double {
        try RawBaseline(shape, in: directory).insert(records, perTransaction: perTransaction)
    }

    /// Seconds to insert `records`, `perTransaction` records to a commit.
    func insert(_ records: ArraySlice<BenchRecords.Record>, perTransaction: Int) throws -> Double {
        try Stopwatch.seconds {
            for batch in records.chunks(of: perTransaction) {
                try database.execute("BEGIN")
                for record in batch {
                    switch shape {
                    case .wide: try insertWide(record)
                    case .narrow: try insertNarrow(record)
                    }
                }
                try database.execute("COMMIT")
            }
        }
    }

    private func insertWide(_ record: BenchRecords.Record) throws {
        insert.bind(1, .text(record.id))
        for (index, field) in fields.enumerated() {
            insert.bind(Int32(index + 2), Self.rawValue(record.fields[field] ?? .null))
        }
        try insert.run()
    }

    private func insertNarrow(_ record: BenchRecords.Record) throws {
        for (field, value) in record.fields {
            insert.bind(1, .text(record.id))
            insert.bind(2, .text(field))
            insert.bind(3, Self.rawValue(value))
            try insert.run()
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
