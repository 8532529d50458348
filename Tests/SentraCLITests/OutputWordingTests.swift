import Foundation
import Testing

/// What the CLI says, word for word where a newcomer tripped: counts in the right number, an
/// empty form list that says so, a clean listen error, and docs that agree with the daemon.
@Suite struct OutputWordingTests {
    @Test func countsArePluralisedProperly() throws {
        let workspace = Workspace()
        let ani = try Fixtures.seededReplica(in: workspace, name: "ani")
        let budi = try workspace.replica("budi")
        try budi.ok(["form", "import", workspace.path("form.json")])
        let everything = workspace.path("all.bundle")
        try ani.ok(["bundle", "export", "--out", everything])
        try budi.ok(["bundle", "import", everything])
        try ani.ok(["record", "set", "usaha-1", "pekerja=5"])
        try budi.ok(["record", "set", "usaha-1", "pekerja=6"])
        let edited = workspace.path("edited.bundle")
        try ani.ok(["bundle", "export", "--out", edited])
        let imported = try budi.ok(["bundle", "import", edited])
        #expect(imported.contains(": 1 change applied, 2 already held, 1 new conflict\n"), "\(imported)")
        let again = try budi.ok(["bundle", "import", everything])
        #expect(again.contains(": 0 changes applied, 2 already held, 0 new conflicts\n"), "\(again)")
        let sari = try workspace.replica("sari")
        try sari.ok(["record", "add", "--form", "usaha", "nama_usaha=Satu"])
        let wrote = try sari.ok(["bundle", "export", "--out", workspace.path("one.bundle")])
        #expect(wrote.hasPrefix("Wrote 1 change to "), "\(wrote)")
        let form = workspace.write("one-field.json", #"{"name": "catatan", "fields": [{"name": "isi", "type": "text"}]}"#)
        #expect(try budi.ok(["form", "import", form]).contains("imported: 1 field\n"))
        let rows = workspace.write("one.csv", "isi\nbuka\n")
        #expect(try budi.ok(["record", "import", rows, "--form", "catatan"]) == "Imported 1 record\n")
    }

    @Test func formListWithNoFormsSaysSo() throws {
        let workspace = Workspace()
        let sentra = try workspace.replica("tablet")
        #expect(try sentra.ok(["form", "list"]) == "No forms in survey ikm\n")
        let json = try JSONSerialization.jsonObject(with: Data(try sentra.ok(["form", "list", "--json"]).utf8)) as? [Any]
        #expect(json?.isEmpty == true, "--json stays an empty array")
    }

    @Test func listenErrorIsOneCleanLine() throws {
        let workspace = Workspace()
        let office = try workspace.replica("kantor")
        _ = try office.token()
        let server = try ServerProcess(office)
        defer { server.stop() }
        let port = try #require(server.url.split(separator: ":").last.map(String.init))
        let other = try workspace.replica("laptop")
        _ = try other.token()
        let result = try other.run(["serve", "--port", port])
        #expect(result.status == 1)
        #expect(result.stderr == "sentra: cannot listen on 127.0.0.1:\(port): Address already in use (errno 98)\n", "\(result.stderr)")
    }

    /// The daemon's wait after a local write is `settle` in SyncDaemon.swift; both docs say it.
    @Test func docsSayWhenTheDaemonSyncsAfterAWrite() throws {
        let root = WalkthroughTests.root
        let source = try String(contentsOf: root.appendingPathComponent("Sources/SentraSync/SyncDaemon.swift"), encoding: .utf8)
        let settle = try #require(source.firstMatch(of: /settle: Duration = \.milliseconds\((\d+)\)/).map { Int($0.1)! })
        let phrase = "about \(String(format: "%g", Double(settle) / 1000)) s after every local write"
        for doc in ["Docs/cli.md", "Docs/operations.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(doc), encoding: .utf8)
                .replacingOccurrences(of: "**", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains(phrase), "\(doc) should say \"\(phrase)\"")
            #expect(!text.contains("about 2 seconds of every local write"), "\(doc) still says 2 seconds")
        }
    }
}
