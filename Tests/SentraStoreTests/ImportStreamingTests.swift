import Foundation
import SentraCore
import Testing
@testable import SentraStore

/// Imports of real files read in chunks: chunks ending anywhere in a row, a file read twice when
/// it holds more than one batch, and the same records whichever way it is read.
@Suite struct ImportStreamingTests {
    let fixture: StoreFixture
    let replica: Replica

    init() throws {
        fixture = try StoreFixture()
        replica = try fixture.replica()
        try replica.importForm(StoreFixture.usaha, survey: "ikm")
    }

    /// Writes `text` to a file in the fixture's directory.
    private func file(_ name: String, _ text: String) throws -> URL {
        let url = fixture.directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// A CSV whose rows cross any chunk boundary: a byte order mark, CRLF and lone CR line ends,
    /// quoted fields over several lines with doubled quotes, and characters of 2, 3 and 4 bytes.
    static let tricky = "\u{FEFF}id,nama_usaha,desa,produk\r\n"
        + "k1,\"Konveksi \"\"Maju\"\",\r\nJaya\r\n\r\nCibarusah\",Ridogalih,\"kaos,gamis\"\r\n"
        + "k2,Ünïcödé ✂︎ jahit 🧵,Sindangmulya,\r"
        + "k3,\"dua\nbaris \"\"🧵\"\"\",,seragam\n"
        + "\r\n"
        + "k4,Akhir,,\"\""

    @Test func readsTheSameRowsWhereverTheChunksEnd() throws {
        let url = try file("tricky.csv", Self.tricky)
        let whole = try CSVReader.rows(in: Data(Self.tricky.utf8))
        #expect(whole.map(\.line) == [1, 2, 6, 7, 10])
        #expect(whole[1].fields[1] == "Konveksi \"Maju\",\r\nJaya\r\n\r\nCibarusah")
        #expect(whole[2].fields[1] == "Ünïcödé ✂︎ jahit 🧵")
        for chunkSize in [1, 2, 3, 4, 5, 7, 11, 64] {
            var reader = CSVReader(try ImportSource.file(url).open(chunkSize: chunkSize))
            var rows: [CSVReader.Row] = []
            while let row = try reader.next() { rows.append(row) }
            #expect(rows == whole, "chunks of \(chunkSize) bytes")
        }
    }

    @Test func namesTheSameLineForABadFileWhereverTheChunksEnd() throws {
        var notUTF8 = Data("a,b\r\nx,\"dua\r\nbaris\"\r\n".utf8)
        notUTF8.append(contentsOf: [0x79, 0x2C, 0xC3, 0x28, 0x0A])
        let cases: [(Data, String)] = [
            (Data("a,b\nk1,ok\nk2,\"never\nclosed\n".utf8), "line 3:"),
            (Data("a,b\n\"x\"y,z\n".utf8), "line 2:"),
            (notUTF8, "line 4:"),
        ]
        for (index, (data, line)) in cases.enumerated() {
            let url = fixture.directory.appendingPathComponent("bad-\(index).csv")
            try data.write(to: url)
            for chunkSize in [1, 2, 3, 1_024] {
                let error = #expect(throws: StoreError.self) {
                    var reader = CSVReader(try ImportSource.file(url).open(chunkSize: chunkSize))
                    while try reader.next() != nil {}
                }
                #expect(error?.message.hasPrefix(line) == true, "\(error?.message ?? "no error"), chunks of \(chunkSize)")
            }
        }
    }

    @Test func importsAFileReadInChunksSmallerThanAField() throws {
        let url = try file("tricky.csv", Self.tricky)
        let expected = try fixture.replica("reference")
        try expected.importForm(StoreFixture.usaha, survey: "ikm")
        _ = try expected.importRecords(Data(Self.tricky.utf8), format: .csv, survey: "ikm", form: "usaha")
        for chunkSize in [1, 3, 5] {
            for batchSize in [2, 1_000] {
                let candidate = try fixture.replica("chunks-\(chunkSize)-\(batchSize)")
                try candidate.importForm(StoreFixture.usaha, survey: "ikm")
                let result = try candidate.importRecords(from: .file(url), format: .csv, survey: "ikm", form: "usaha", schemaless: false,
                                                         batchSize: batchSize, chunkSize: chunkSize)
                #expect(result.imported == 4)
                #expect(try fields(candidate, survey: "ikm") == fields(expected, survey: "ikm"), "chunks of \(chunkSize), batches of \(batchSize)")
            }
        }
        #expect(try expected.record(survey: "ikm", id: "k1").fields["produk"] == .array([.string("kaos"), .string("gamis")]))
    }

    @Test func readsNDJSONLinesWhereverTheChunksEnd() throws {
        let text = "\u{FEFF}{\"id\":\"k1\",\"nama_usaha\":\"Ünïcödé 🧵\"}\r\n\n  \r\n{\"nama_usaha\":\"Tanpa ID\",\"produk\":[\"kaos\"]}\r\n{\"id\":\"k3\",\"nama_usaha\":\"Akhir\"}"
        let url = try file("rows.ndjson", text)
        for chunkSize in [1, 2, 3, 7, 1_024] {
            var lines = LineReader(try ImportSource.file(url).open(chunkSize: chunkSize))
            var read: [(Int, String)] = []
            while let (line, bytes) = try lines.next() { read.append((line, String(decoding: bytes, as: UTF8.self))) }
            #expect(read.map(\.0) == [1, 2, 3, 4, 5], "chunks of \(chunkSize)")
            #expect(read.map(\.1) == ["{\"id\":\"k1\",\"nama_usaha\":\"Ünïcödé 🧵\"}", "", "  ",
                                      "{\"nama_usaha\":\"Tanpa ID\",\"produk\":[\"kaos\"]}", "{\"id\":\"k3\",\"nama_usaha\":\"Akhir\"}"])
        }
        let result = try replica.importRecords(from: .file(url), format: .ndjson, survey: "ikm", form: "usaha", schemaless: false,
                                               batchSize: 2, chunkSize: 3)
        #expect(result == ImportResult(imported: 3, transactions: 2))
        #expect(try replica.record(survey: "ikm", id: "k1").fields["nama_usaha"] == .string("Ünïcödé 🧵"))
    }

    /// `count` good rows of the census form, from line 2, with IDs `u1`… when `ids` is set.
    private static func rows(_ count: Int, ids: Bool = true) -> [String] {
        (1...count).map { index in
            (ids ? "u\(index)," : "") + "\"Konveksi \(index),\nCibarusah\",\(["Ridogalih", "Sindangmulya", ""][index % 3]),\(index % 9)"
        }
    }

    @Test func aBadRowAfterTheFirstBatchChangesNothing() throws {
        var rows = Self.rows(12)
        rows[8] = "u9,Kaos Rusak,Ridogalih,banyak"
        let url = try file("bad.csv", "id,nama_usaha,desa,pekerja_perempuan\n" + rows.joined(separator: "\n") + "\n")
        let before = try ImportSnapshot(replica)
        let error = #expect(throws: StoreError.self) {
            try replica.importRecords(contentsOf: url, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
        }
        #expect(error?.code == .invalidInput)
        // Each good row takes two lines: row 9 starts on line 2 + 8 × 2.
        #expect(error?.message.hasPrefix("line 18:") == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("pekerja_perempuan") == true)
        #expect(try ImportSnapshot(replica) == before)
    }

    @Test func findsAnIDGivenTwiceFarApart() throws {
        var lines = (2...12).map { "k\($0),Usaha \($0),,\($0)" }
        lines[8] = "k2,Usaha kembar,,10"
        let url = try file("twice.csv", "id,nama_usaha,desa,pekerja_perempuan\n" + lines.joined(separator: "\n") + "\n")
        let before = try ImportSnapshot(replica)
        let error = #expect(throws: StoreError.self) {
            try replica.importRecords(contentsOf: url, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.hasPrefix("line 10:") == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("\"k2\"") == true && error?.message.contains("first on line 2") == true, "\(error?.message ?? "no error")")

        try replica.addRecord(survey: "ikm", form: "usaha", id: "ada", fields: .text(["nama_usaha": "Sudah Ada"]))
        lines[8] = "ada,Usaha lama,,10"
        let existing = try file("existing.csv", "id,nama_usaha,desa,pekerja_perempuan\n" + lines.joined(separator: "\n") + "\n")
        let exists = #expect(throws: StoreError.self) {
            try replica.importRecords(contentsOf: existing, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
        }
        #expect(exists?.message.hasPrefix("line 10:") == true && exists?.message.contains("already exists") == true, "\(exists?.message ?? "no error")")
        #expect(try replica.changes(survey: "ikm").count == before.changes.count + 1)

        // The IDs of the refused imports are gone: the same file, corrected, imports.
        lines[8] = "k10,Usaha 10,,10"
        let fixed = try file("fixed.csv", "id,nama_usaha,desa,pekerja_perempuan\n" + lines.joined(separator: "\n") + "\n")
        #expect(try replica.importRecords(contentsOf: fixed, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
            == ImportResult(imported: 11, transactions: 4))
        let again = #expect(throws: StoreError.self) {
            try replica.importRecords(contentsOf: fixed, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
        }
        #expect(again?.message.hasPrefix("line 2:") == true && again?.message.contains("already exists") == true, "\(again?.message ?? "no error")")
    }

    @Test func oneReadingAndTwoReadingsWriteTheSameRecords() throws {
        let header = "id,nama_usaha,desa,pekerja_perempuan\n"
        let withIDs = Self.rows(10)
        let withoutIDs = Self.rows(10, ids: false).map { "," + $0 }
        let url = try file("mixed.csv", header + zip(withIDs, withoutIDs).flatMap { [$0, $1] }.joined(separator: "\r\n"))
        let once = try fixture.replica("once")
        try once.importForm(StoreFixture.usaha, survey: "ikm")
        #expect(try once.importRecords(contentsOf: url, format: .csv, survey: "ikm", form: "usaha") == ImportResult(imported: 20, transactions: 1))
        #expect(try replica.importRecords(contentsOf: url, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
            == ImportResult(imported: 20, transactions: 7))

        for candidate in [once, replica] {
            let changes = try candidate.changes(survey: "ikm").map(\.change)
            #expect(changes.map(\.dot.counter) == Array(1...20))
            #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.hlc < $1.hlc })
            #expect(changes.allSatisfy { $0.context == VersionVector() && $0.form == "usaha" })
            #expect(changes.filter { $0.record.hasPrefix("u") }.map(\.record) == (1...10).map { "u\($0)" })
            #expect(changes.filter { !$0.record.hasPrefix("u") }.allSatisfy { RecordID.isValid($0.record) && $0.record.count == 36 })
        }
        let logged = { (replica: Replica) in try replica.changes(survey: "ikm").map(\.change.operation) }
        #expect(try logged(once) == logged(replica), "the same values, in the same order")
        #expect(try fields(once, survey: "ikm") == fields(replica, survey: "ikm"))
        #expect(try replica.record(survey: "ikm", id: "u4").fields["nama_usaha"] == .string("Konveksi 4,\nCibarusah"))
    }

    /// Between the two readings, another writer creates a record whose ID comes later in the
    /// file: the second reading finds it, and the rows written so far stay.
    @Test func aRecordCreatedBetweenTheReadingsStopsTheImportKeepingWhatWasWritten() throws {
        let url = try file("rows.csv", "id,nama_usaha,desa,pekerja_perempuan\n" + Self.rows(7).joined(separator: "\n") + "\n")
        let error = #expect(throws: StoreError.self) {
            try replica.importRecords(from: .file(url), format: .csv, survey: "ikm", form: "usaha", schemaless: false, batchSize: 3,
                                      betweenReadings: { try replica.addRecord(survey: "ikm", form: "usaha", id: "u6", fields: .text(["nama_usaha": "Lain"])) })
        }
        #expect(error?.code == .invalidInput)
        // Rows take two lines each: u6 starts on line 12, u3 on line 6.
        #expect(error?.message.hasPrefix("line 12: record u6 already exists") == true, "\(error?.message ?? "no error")")
        #expect(error?.message.hasSuffix("; the first 3 rows, to line 6, were imported in 1 transactions and stay; the rest were not imported") == true,
                "\(error?.message ?? "no error")")
        #expect(try replica.records(survey: "ikm").map(\.id).sorted() == ["u1", "u2", "u3", "u6"])
        #expect(try replica.record(survey: "ikm", id: "u6").fields["nama_usaha"] == .string("Lain"))
    }

    @Test func aFileChangedBetweenTheReadingsStopsTheImportKeepingWhatWasWritten() throws {
        let url = try file("rows.csv", "id,nama_usaha,desa,pekerja_perempuan\n" + Self.rows(7).joined(separator: "\n") + "\n")
        let error = #expect(throws: StoreError.self) {
            try replica.importRecords(from: .file(url), format: .csv, survey: "ikm", form: "usaha", schemaless: false, batchSize: 3,
                                      betweenReadings: {
                let handle = try FileHandle(forWritingTo: url)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("u8,Tambahan,,1\n".utf8))
                try handle.close()
            })
        }
        #expect(error?.message.contains("rows.csv changed while it was imported") == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("the first 3 rows, to line 6, were imported in 1 transactions and stay") == true)
        #expect(try replica.records(survey: "ikm").count == 3)
    }

    @Test func aPipeIsReadOnceAndRefusedWhenItNeedsTwoReadings() throws {
        let header = "id,nama_usaha,desa,pekerja_perempuan\n"
        let small = try pipe("small.csv", header + Self.rows(3).joined(separator: "\n"))
        #expect(try replica.importRecords(contentsOf: small, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
            == ImportResult(imported: 3, transactions: 1))

        let before = try ImportSnapshot(replica)
        let large = try pipe("large.csv", header + Self.rows(12, ids: false).map { "," + $0 }.joined(separator: "\n"))
        let error = #expect(throws: StoreError.self) {
            try replica.importRecords(contentsOf: large, format: .csv, survey: "ikm", form: "usaha", batchSize: 3)
        }
        #expect(error?.message.contains("not a regular file") == true, "\(error?.message ?? "no error")")
        #expect(try ImportSnapshot(replica) == before)
    }

    /// A named pipe that a thread fills with `text`, small enough for the pipe's buffer.
    private func pipe(_ name: String, _ text: String) throws -> URL {
        let url = fixture.directory.appendingPathComponent(name)
        #expect(mkfifo(url.path, 0o600) == 0)
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: url.path) else { return }
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        return url
    }

    @Test func refusesAFileThatCannotBeRead() throws {
        let missing = #expect(throws: StoreError.self) {
            try replica.importRecords(contentsOf: fixture.directory.appendingPathComponent("none.csv"), format: .csv, survey: "ikm", form: "usaha")
        }
        #expect(missing?.code == .invalidInput)
        #expect(missing?.message.contains("cannot read") == true && missing?.message.contains("none.csv") == true)
        let directory = #expect(throws: StoreError.self) {
            try replica.importRecords(contentsOf: fixture.directory, format: .csv, survey: "ikm", form: "usaha")
        }
        #expect(directory?.message.contains("directory") == true)
    }

    /// Every record's fields, by ID for the IDs a file gives, and sorted for new UUIDv7s.
    private func fields(_ replica: Replica, survey: String) throws -> [String] {
        try replica.records(survey: survey).map { record in
            let id = RecordID.isValid(record.id) && record.id.count == 36 ? "new" : record.id
            return "\(id) \(record.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"
        }.sorted()
    }
}
