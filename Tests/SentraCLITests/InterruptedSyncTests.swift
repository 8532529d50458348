import Foundation
import SentraTestSupport
import Testing

/// kill -9 of the server in the middle of a large pull, and of a large push: the next sync
/// completes, with exact counts, no duplicates, and nothing acknowledged sent again.
@Suite(.serialized) struct InterruptedSyncTests {
    static let size = 20_000

    /// `size` new records `PREFIX-N` in the device's replica, by one CSV import.
    private func fill(_ sentra: SentraProcess, prefix: String, in workspace: Workspace) throws {
        let rows = ["id,nama,pekerja"] + (0..<Self.size).map { "\(prefix)-\($0),Usaha \(prefix) \($0),\($0 % 40)" }
        try sentra.ok(["record", "import", workspace.write("\(prefix).csv", rows.joined(separator: "\n")), "--form", "usaha"])
    }

    /// Starts `sentra sync` and kills the server once `watched` holds some but not all changes.
    private func syncAndKillServer(_ device: SentraProcess, _ server: ServerProcess, token: String, watched: SentraProcess) throws -> Int {
        let sync = device.configured(["sync", server.url, "--token", token])
        sync.standardOutput = FileHandle.nullDevice
        sync.standardError = FileHandle.nullDevice
        try sync.run()
        var seen = 0
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, sync.isRunning {
            seen = try watched.changeCount()
            if seen > 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        server.kill9()
        sync.waitUntilExit()
        #expect(sync.terminationStatus != 0, "the sync should have been cut off")
        return try watched.changeCount()
    }

    @Test(arguments: CentralStore.allCases) func pullSurvivesKill9OfTheServer(_ kind: CentralStore) async throws {
        try await blocking { try pullSurvivesKill9(kind) }
    }

    private func pullSurvivesKill9(_ kind: CentralStore) throws {
        let workspace = Workspace()
        let central = try workspace.central(kind, holding: Self.size, prefix: "k")
        let server = try ServerProcess(central)
        let token = try central.token(role: "enumerator")
        let device = try workspace.replica("tablet")
        let before = try syncAndKillServer(device, server, token: token, watched: device)
        #expect(before > 0 && before < Self.size, "the kill came mid-pull: \(before) of \(Self.size)")

        let restarted = try ServerProcess(central)
        let summary = try device.sync(restarted.url, token: token)
        #expect(summary["pulled"] as? Int == Self.size - before, "pulled again only what was missing")
        #expect(try device.changeCount() == Self.size)
        let records = try JSONSerialization.jsonObject(with: Data(try device.ok(["record", "list", "--json"]).utf8)) as? [Any]
        #expect(records?.count == Self.size)
    }

    @Test(arguments: CentralStore.allCases) func pushSurvivesKill9OfTheServer(_ kind: CentralStore) async throws {
        try await blocking { try pushSurvivesKill9(kind) }
    }

    private func pushSurvivesKill9(_ kind: CentralStore) throws {
        let workspace = Workspace()
        let central = try workspace.central(kind)
        let server = try ServerProcess(central)
        let token = try central.token(role: "enumerator")
        let device = try workspace.replica("tablet")
        try fill(device, prefix: "t", in: workspace)
        let acknowledged = try syncAndKillServer(device, server, token: token, watched: central)
        #expect(acknowledged > 0 && acknowledged < Self.size, "the kill came mid-push: \(acknowledged) of \(Self.size)")

        let restarted = try ServerProcess(central)
        let summary = try device.sync(restarted.url, token: token)
        #expect(summary["pushed"] as? Int == Self.size - acknowledged, "pushed again only what was not acknowledged")
        #expect(try central.changeCount() == Self.size)
        let records = try JSONSerialization.jsonObject(with: Data(try central.ok(["record", "list", "--json"]).utf8)) as? [Any]
        #expect(records?.count == Self.size)
    }
}
