import Foundation
import SentraCore
import SentraStore

/// P1c: `sentra record import` of a CSV of the bench's records as a whole process, as a user runs
/// it, against `sqlite3 .import` of the same file into a new database as a whole process (issue 16).
///
/// Both sides are durable: the replica commits with WAL and `synchronous = FULL`, and the sqlite3
/// shell is given the same settings before its `.import`, which creates the table from the header
/// and inserts every row in one transaction. Making the replica and putting the long form into it
/// is not timed (`sentra init` and `sentra form import` do that once per replica); making the new
/// database is part of sqlite3's time. The two take turns, a run each, as P1a and P1b do, so that
/// both meet the same disk; each side's median of ``runs``.
struct ImportBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords
    /// The `sentra` executable the row runs.
    let sentra: String
    static let runs = 3
    static let sqlite3 = "/usr/bin/sqlite3"

    func run() throws -> [Measurement] {
        let imported = records.records.prefix(scale.importRecords)
        guard imported.count == scale.importRecords else { throw BenchError("P1c needs \(scale.importRecords) records, has \(imported.count)") }
        let csv = "\(workspace.directory)/p1c.csv"
        var file = try BenchCSV(path: csv)
        try file.append(imported)
        try file.close()

        var sentraRuns: [ChildProcess] = [], sqliteRuns: [ChildProcess] = []
        var transactions = 0
        for run in 0..<Self.runs {
            let sentraFirst = run % 2 == 0
            if !sentraFirst { sqliteRuns.append(try Self.sqliteImport(csv, into: "\(workspace.directory)/p1c-sqlite3-\(run).db", rows: imported.count)) }
            let replica = try workspace.replica("p1c-\(run)").path
            let (child, result) = try Self.sentraImport(csv, into: replica, sentra: sentra, log: "\(workspace.directory)/p1c-\(run).log")
            try Self.check(Replica.open(at: replica), holdsExactly: imported)
            sentraRuns.append(child)
            transactions = result.transactions
            if sentraFirst { sqliteRuns.append(try Self.sqliteImport(csv, into: "\(workspace.directory)/p1c-sqlite3-\(run).db", rows: imported.count)) }
        }
        let seconds = Self.median(sentraRuns.map(\.seconds)), raw = Self.median(sqliteRuns.map(\.seconds))
        let ratio = seconds / raw
        let peak = { (runs: [ChildProcess]) in runs.max { $0.peakRSSKiB < $1.peakRSSKiB }?.peakText ?? "" }
        return [
            Measurement("P1c", "sentra record import of a CSV, whole process", value: Double(imported.count) / seconds, unit: "records/s",
                        baseline: Double(imported.count) / raw, baselineName: "sqlite3 .import of the same CSV, whole process",
                        ratio: ratio, target: "≤ 4.0×", met: ratio <= 4.0,
                        note: String(format: "%d records × %d columns, %.1f MB: sentra %.3f s (%d transactions, peak RSS %@), sqlite3 %.3f s (peak RSS %@); the medians of %d runs each, in turn",
                                     imported.count, BenchCSV.columns.count, Double(file.bytes) / 1e6, seconds, transactions, peak(sentraRuns),
                                     raw, peak(sqliteRuns), Self.runs)),
        ]
    }

    /// What `sentra record import --json` prints.
    struct ImportOutput: Decodable {
        var imported: Int
        var transactions: Int
    }

    /// Runs `sentra record import` of `csv` into the replica at `replica`, which holds the long form,
    /// and returns the process and what it printed.
    static func sentraImport(_ csv: String, into replica: String, sentra: String, log: String) throws -> (ChildProcess, ImportOutput) {
        let child = try ChildProcess.run(sentra, ["record", "import", "--db", replica, "--survey", BenchRecords.survey,
                                                  "--form", BenchRecords.form.name, "--json", csv], log: log)
        guard let start = child.output.firstIndex(of: "{"), let end = child.output.lastIndex(of: "}"), start < end,
              let output = try? JSONDecoder().decode(ImportOutput.self, from: Data(child.output[start...end].utf8)) else {
            throw BenchError("sentra record import printed no JSON result: \(child.output.suffix(500))")
        }
        return (child, output)
    }

    /// Runs the sqlite3 shell: a new database at `database`, WAL and `synchronous = FULL`, then
    /// `.import` of `csv` into a new table `usaha`; checks it holds `rows` rows, in WAL mode.
    static func sqliteImport(_ csv: String, into database: String, rows: Int) throws -> ChildProcess {
        let child = try ChildProcess.run(sqlite3, ["-bail", "-cmd", "PRAGMA journal_mode = WAL", "-cmd", "PRAGMA synchronous = FULL", database,
                                                   ".mode csv", ".import '\(csv)' usaha"],
                                         log: database + ".log")
        let count = try RawSQLite(path: database).integer("SELECT COUNT(*) FROM usaha")
        // Bytes 18 and 19 of an SQLite file's header are 2 in WAL mode.
        let header = FileManager.default.contents(atPath: database)?.prefix(20) ?? Data()
        guard count == rows, header.count == 20, header[18] == 2, header[19] == 2 else {
            throw BenchError("sqlite3 .import of \(csv) left \(count) rows, not \(rows), or a database not in WAL mode")
        }
        return child
    }

    /// Checks that `replica` holds exactly `records`, each of the long form with the same values.
    static func check(_ replica: Replica, holdsExactly records: some Collection<BenchRecords.Record>) throws {
        let views = try replica.records(survey: BenchRecords.survey)
        let byID = Dictionary(uniqueKeysWithValues: views.map { ($0.id, $0) })
        guard views.count == records.count else {
            throw BenchError("\(replica.path): \(views.count) records after the import, not \(records.count)")
        }
        for record in records {
            guard let view = byID[record.id] else { throw BenchError("\(replica.path): record \(record.id) was not imported") }
            try check(view, is: record)
        }
    }

    /// Checks that `view` is `record` of the long form: every value the record has, the same.
    static func check(_ view: RecordView, is record: BenchRecords.Record) throws {
        guard view.form == BenchRecords.form.name, !view.deleted else {
            throw BenchError("record \(record.id) was imported as form \(view.form)\(view.deleted ? ", deleted" : "")")
        }
        for (field, value) in record.fields where view.fields[field] != value {
            throw BenchError("record \(record.id): \(field) was imported as \(view.fields[field]?.jsonText ?? "nothing"), not \(value.jsonText)")
        }
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
