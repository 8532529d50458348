import Foundation
import Testing

/// Replicas made by the release before schema v9 (Fixtures/golden-v8, made by its `make.sh`) open
/// with today's `sentra`: it prints what that release printed about them, record for record,
/// conflict for conflict, change for change; and they go on writing and syncing.
@Suite struct GoldenReplicaTests {
    static let fixtures = WalkthroughTests.root.appendingPathComponent("Tests/SentraCLITests/Fixtures/golden-v8")
    static let nodes = ["kantor", "ani"]
    static let records = ["usaha-kept", "usaha-conflict", "usaha-deleted", "usaha-revisited", "usaha-resolved", "usaha-reviewed", "usaha-imported-1"]

    /// The commands `make.sh` ran, and the file each one's output went to.
    static func commands(_ node: String) -> [(file: String, arguments: [String])] {
        [
            ("\(node).records.json", ["record", "list", "--json"]),
            ("\(node).conflicts.json", ["conflicts", "--json"]),
            ("\(node).log.json", ["log", "--json"]),
            ("\(node).export.csv", ["export", "--format", "csv"]),
        ] + records.flatMap { id in
            [("\(node).history.\(id).json", ["record", "history", id, "--json"]),
             ("\(node).show.\(id).json", ["record", "show", id, "--json"])]
        }
    }

    @Test(arguments: nodes)
    func printsWhatTheReleaseBeforePrinted(_ node: String) async throws {
        try await blocking {
            let workspace = Workspace()
            let sentra = try Self.copy(node, into: workspace)
            for (file, arguments) in Self.commands(node) {
                let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("expected/\(file)"), encoding: .utf8)
                #expect(try sentra.ok(arguments) == expected, "sentra \(arguments.joined(separator: " ")) on the migrated \(node).db")
            }
        }
    }

    /// After the migration, the device revisits a record of the old schema and adds one of the
    /// new, and the office gets both by bundle, with the conflicts and history it had.
    @Test func goesOnWritingAndSyncing() async throws {
        try await blocking {
            let workspace = Workspace()
            let kantor = try Self.copy("kantor", into: workspace)
            let ani = try Self.copy("ani", into: workspace)
            try ani.ok(["record", "set", "usaha-revisited", "pekerja_laki=4"])
            try ani.ok(["record", "add", "--form", "usaha", "--id", "usaha-new", "nama_usaha=Konveksi Baru", "pemilik=Yanti", "desa=Ridogalih"])
            try ani.ok(["bundle", "export", "--out", workspace.path("ani.bundle")])
            #expect(try kantor.ok(["bundle", "import", workspace.path("ani.bundle"), "--json"]).contains("\"applied\" : 2"))

            let revisited = try Self.object(kantor.ok(["record", "show", "usaha-revisited", "--json"]))
            let fields = try #require(revisited["fields"] as? [String: Any])
            #expect(fields["pekerja_laki"] as? Int == 4 && fields["telepon"] as? String == "08125550101" && fields["nama_usaha"] as? String == "Bordir Cahaya")
            let history = try #require(try JSONSerialization.jsonObject(with: Data(kantor.ok(["record", "history", "usaha-revisited", "--json"]).utf8)) as? [Any])
            #expect(history.count == 4, "the creation, two revisits before the migration and one after")
            let added = try Self.object(kantor.ok(["record", "show", "usaha-new", "--json"]))
            #expect((added["fields"] as? [String: Any])?["pemilik"] as? String == "Yanti")
            let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("expected/kantor.conflicts.json"), encoding: .utf8)
            #expect(try kantor.ok(["conflicts", "--json"]) == expected, "the conflicts are still there, as they were")
        }
    }

    /// A copy of the golden `node.db`, the files the release left beside it included.
    static func copy(_ node: String, into workspace: Workspace) throws -> SentraProcess {
        let path = workspace.path("\(node).db")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("\(node).db"), to: URL(fileURLWithPath: path))
        return SentraProcess(db: path)
    }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}
