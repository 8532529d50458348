import Foundation
import Testing

/// `sentra record import` reads its file in chunks: a file of several batches imports through two
/// readings, one bad row anywhere refuses it all, and a file that cannot be read says so.
@Suite struct RecordImportTests {
    @Test func importsAFileOfSeveralBatches() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        var rows = ["id,nama_usaha,pekerja,desa"]
        rows += (1...2_500).map { "impor-\($0),\"Usaha \($0),\nCibarusah\",\($0 % 30),Ridogalih" }
        let file = workspace.write("rows.csv", rows.joined(separator: "\r\n") + "\r\n")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(sentra.ok(["record", "import", file, "--form", "usaha", "--json"]).utf8)) as? [String: Int])
        #expect(result == ["imported": 2_500, "transactions": 3])
        let shown = try #require(try sentra.run(["record", "show", "impor-2500", "--json"]).json() as? [String: Any])
        #expect((shown["fields"] as? [String: Any])?["nama_usaha"] as? String == "Usaha 2500,\nCibarusah")
    }

    @Test func oneBadRowAfterTheFirstBatchChangesNothing() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        var rows = ["nama_usaha,pekerja"] + (1...2_500).map { "Usaha \($0),\($0)" }
        rows[2_001] = "Usaha rusak,tiga"
        let file = workspace.write("rows.csv", rows.joined(separator: "\n") + "\n")
        let before = try Fixtures.snapshot(sentra)
        let result = try sentra.run(["record", "import", file, "--form", "usaha"])
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("line 2002:"), "\(result.stderr)")
        #expect(try Fixtures.snapshot(sentra) == before)
    }

    @Test func aFileThatCannotBeReadIsNamed() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        let missing = workspace.path("missing.csv")
        let result = try sentra.run(["record", "import", missing, "--form", "usaha"])
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("cannot read \(missing)"), "\(result.stderr)")
        // Before the replica is opened, as when the file was read whole.
        let none = try SentraProcess(db: workspace.path("none.db")).run(["record", "import", missing, "--form", "usaha"])
        #expect(none.stderr.contains("cannot read \(missing)"), "\(none.stderr)")
    }
}
