import Foundation
import SentraCore
import Testing
@testable import SentraStore

/// Checks exported CSV with another reader: Python's `csv` module, when `python3` is installed.
@Suite(.enabled(if: PythonCSV.isAvailable, "python3 is not installed"))
struct ExportPythonTests {
    @Test func pythonCSVModuleReadsTheExport() throws {
        let fixture = try StoreFixture()
        let replica = try fixture.replica()
        try replica.importForm(StoreFixture.usaha, survey: "ikm")
        let tricky = ["Konveksi \"Maju\", Jaya", "dua\r\nbaris", "lf\nsaja", " spasi ", "Ünïcödé ✂︎ jahit", ""]
        var csv = "id,nama_usaha,desa,produk,lokasi\r\n"
        for (index, name) in tricky.enumerated() where !name.isEmpty {
            csv += "k\(index),\(CSVWriter.escape(name)),Ridogalih,\"kaos,gamis\",\"-6.43,107.1\"\r\n"
        }
        _ = try replica.importRecords(Data(csv.utf8), format: .csv, survey: "ikm", form: "usaha")
        try replica.addRecord(survey: "ikm", form: "lain", id: "x1", fields: .text(["catatan": "a,b"]), schemaless: true)

        let path = fixture.directory.appendingPathComponent("export.csv").path
        try replica.export(survey: "ikm", format: .csv).write(to: URL(fileURLWithPath: path))
        let rows = try PythonCSV.read(path)
        let expectedHeader = ["id", "form"] + StoreFixture.usaha.fields.map(\.name) + ["catatan"] + FieldName.reviewColumnOrder + ["conflict", "deleted"]
        #expect(rows.first == expectedHeader)
        #expect(rows.count == 1 + tricky.count - 1 + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == expectedHeader.count })
        let names = rows.dropFirst().filter { $0[1] == "usaha" }.map { $0[2] }
        #expect(names == tricky.filter { !$0.isEmpty })
        let k0 = try #require(rows.first { $0[0] == "k0" })
        #expect(k0[expectedHeader.firstIndex(of: "produk")!] == "kaos;gamis")
        #expect(k0[expectedHeader.firstIndex(of: "lokasi")!] == "-6.43,107.1")
        #expect(rows.last?[expectedHeader.firstIndex(of: "catatan")!] == "a,b")
    }
}

/// Runs `python3` to read a CSV file with the standard `csv` module.
enum PythonCSV {
    static let isAvailable: Bool = (try? run(["-c", "import csv"])) != nil

    /// The rows of the CSV file at `path`, as Python's `csv.reader` reads them.
    static func read(_ path: String) throws -> [[String]] {
        let script = "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(json.dumps(list(csv.reader(f))))"
        let output = try run(["-c", script, path])
        return try JSONDecoder().decode([[String]].self, from: output)
    }

    private static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return output
    }
}
