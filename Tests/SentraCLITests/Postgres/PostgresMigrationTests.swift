import Foundation
import SentraTestSupport
import Testing

/// `sentra central migrate`: a SQLite central node that devices synced with, moved into
/// PostgreSQL. Afterwards every device syncs with `sentra serve --postgres` using the same token,
/// moves only what is new, and the node answers as before: the same node, records, conflicts,
/// reviews, tokens and devices.
@Suite(.serialized) struct PostgresMigrationTests {
    @Test func devicesCarryOnAfterTheOfficeMovesToPostgreSQL() async throws {
        try await OfficeScenario.blocking { try Self.moveAnOffice() }
    }

    static func moveAnOffice() throws {
        let postgres = try PostgresServer.shared()
        let workspace = Workspace()
        let central = try workspace.replica("kantor")
        let admin = try central.token(role: "admin", name: "admin")
        let names = ["ani", "budi", "citra"]
        let tokens = try names.map { try central.token(role: "enumerator", name: "hp-\($0)") }
        let devices = try names.map { try workspace.replica("hp-\($0)") }
        var server = try ServerProcess(central)
        for (index, device) in devices.enumerated() {
            for row in 0..<4 {
                try device.ok(["record", "add", "--form", "usaha", "--id", "\(names[index])-\(row)", "nama=Usaha \(row)", "pekerja=\(row)"])
            }
            try device.sync(server.url, token: tokens[index])
        }
        for (index, device) in devices.enumerated() { try device.sync(server.url, token: tokens[index]) }
        // A conflict the office has not settled, and one it settled; a review the devices hold.
        try devices[0].ok(["record", "set", "budi-1", "pekerja=7"])
        try devices[1].ok(["record", "set", "budi-1", "pekerja=9"])
        try devices[0].ok(["record", "set", "citra-2", "nama=Citra Baru"])
        for (index, device) in devices.enumerated() { try device.sync(server.url, token: tokens[index]) }
        for (index, device) in devices.enumerated() { try device.sync(server.url, token: tokens[index]) }
        server.stop()
        let before = try Snapshot(central.ok(["record", "list", "--deleted", "--json"]), central.ok(["conflicts", "--json"]), central.changeCount())
        #expect(before.changes == 15)

        let (database, url) = try postgres.newDatabase("kantor")
        let copied = try JSONSerialization.jsonObject(with: Data(try central.ok(["central", "migrate", "--from", central.db, "--to", url, "--json"]).utf8)) as? [String: Any]
        let survey = (copied?["surveys"] as? [[String: Any]])?.first
        #expect(survey?["changes"] as? Int == 15 && survey?["records"] as? Int == 12)
        #expect(copied?["tokens"] as? Int == 4)
        let again = try central.run(["central", "migrate", "--from", central.db, "--to", url])
        #expect(again.status != 0 && again.stderr.contains("holds a Sentra node already"), "a second copy into the same database is refused")

        server = try ServerProcess(central, arguments: ["--postgres", url])
        defer { server.stop() }
        // Nothing new: each device pushes and pulls nothing, with the same log (no reset).
        for (index, device) in devices.enumerated() {
            let summary = try device.sync(server.url, token: tokens[index])
            #expect(summary["pushed"] as? Int == 0 && summary["pulled"] as? Int == 0, "\(names[index]) moved only what is new: \(summary)")
            #expect(summary["peerReset"] as? Bool == false)
            #expect((summary["peer"] as? [String: Any])?["name"] as? String == "kantor")
        }
        // Something new moves, and only that.
        try devices[2].ok(["record", "add", "--form", "usaha", "--id", "citra-9", "nama=Usaha Baru"])
        #expect(try devices[2].sync(server.url, token: tokens[2])["pushed"] as? Int == 1)
        #expect(try devices[0].sync(server.url, token: tokens[0])["pulled"] as? Int == 1)

        // The node answers as it did: records and conflicts, over the API, with the old admin token.
        let after = try Snapshot(get(server.url, "/v1/surveys/ikm/records?deleted=true", token: admin),
                                 get(server.url, "/v1/surveys/ikm/conflicts", token: admin), 16)
        #expect(after.records.subtracting(["citra-9"]) == before.records)
        #expect(after.conflicts == before.conflicts && after.conflicts == ["budi-1/pekerja"])
        let registry = try JSONSerialization.jsonObject(with: Data(try get(server.url, "/v1/devices", token: admin).utf8)) as? [[String: Any]] ?? []
        #expect(Set(registry.compactMap { $0["name"] as? String }) == Set(names.map { "hp-\($0)" }), "the registry binds each token to its device")
        let rows = try postgres.psql("SELECT count(*), max(seq) FROM change_log", database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(rows == "16|16")
    }

    /// What must survive the move: record IDs, conflicts by record and field, and the log's length.
    struct Snapshot {
        let records: Set<String>
        let conflicts: Set<String>
        let changes: Int

        init(_ records: String, _ conflicts: String, _ changes: Int) throws {
            let list = try JSONSerialization.jsonObject(with: Data(records.utf8)) as? [[String: Any]] ?? []
            self.records = Set(list.compactMap { $0["id"] as? String })
            let found = try JSONSerialization.jsonObject(with: Data(conflicts.utf8)) as? [[String: Any]] ?? []
            self.conflicts = Set(found.map { "\($0["record"] ?? "")/\($0["field"] as? String ?? "-")" })
            self.changes = changes
        }
    }

    /// A GET of the node's API with a bearer token, with curl.
    static func get(_ base: String, _ path: String, token: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sf", "-H", "Authorization: Bearer \(token)", base + path]
        let result = try process.runCapturingOutput()
        guard result.status == 0 else { throw SentraProcess.Failure(message: "GET \(path) failed: \(result.status)") }
        return result.stdout
    }
}
