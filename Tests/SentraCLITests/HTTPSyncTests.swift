import Foundation
import SentraTestSupport
import Testing

/// Sync over HTTP between real processes: `sentra serve` and `sentra sync`.
@Suite(.serialized) struct HTTPSyncTests {
    @Test(arguments: CentralStore.allCases) func starOfThreeDevicesConverges(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let devices = try (1...3).map { try workspace.replica("tablet-\($0)") }
            let tokens = try (1...3).map { try central.token(role: "enumerator", name: "tablet-\($0)") }
            for (index, device) in devices.enumerated() {
                for row in 0..<4 {
                    try device.ok(["record", "add", "--form", "usaha", "--id", "d\(index)-\(row)", "nama=Usaha \(index) \(row)", "pekerja=\(row)"])
                }
            }
            try central.ok(["record", "add", "--form", "usaha", "--id", "k-1", "nama=Kantor"])
            var order = Array(devices.indices)
            for round in 0..<2 {
                order.shuffle()
                for index in order {
                    if round == 0 { try devices[index].ok(["record", "set", "d\(index)-0", "pekerja=\(10 + index)"]) }
                    try devices[index].sync(server.url, token: tokens[index])
                }
            }
            for (device, token) in zip(devices, tokens) { try device.sync(server.url, token: token) }
            let reference = try central.convergentView()
            #expect(reference.split(separator: "\n").count == 13)
            for device in devices {
                #expect(try device.convergentView() == reference)
            }
        }
    }

    @Test(arguments: CentralStore.allCases) func conflictRoundTripThroughTheOffice(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let aniToken = try central.token(role: "enumerator", name: "tablet-ani")
            let budiToken = try central.token(role: "enumerator", name: "tablet-budi")
            let ani = try workspace.replica("tablet-ani")
            let budi = try workspace.replica("tablet-budi")
            try ani.ok(["record", "add", "--form", "usaha", "--id", "cbr-001", "nama=Konveksi Maju", "pekerja=5"])
            try ani.sync(server.url, token: aniToken)
            try budi.sync(server.url, token: budiToken)
            try ani.ok(["record", "set", "cbr-001", "pekerja=7"])
            try budi.ok(["record", "set", "cbr-001", "pekerja=9"])
            try ani.sync(server.url, token: aniToken)
            let summary = try budi.sync(server.url, token: budiToken)
            #expect(summary["newConflicts"] as? Int == 1)

            let conflicts = try JSONSerialization.jsonObject(with: Data(try central.ok(["conflicts", "--json"]).utf8)) as? [[String: Any]]
            let values = conflicts?.first?["values"] as? [[String: Any]] ?? []
            #expect(conflicts?.count == 1 && conflicts?.first?["field"] as? String == "pekerja")
            #expect(Set(values.compactMap { $0["value"] as? Int }) == [7, 9])
            #expect(Set(values.compactMap { $0["nodeName"] as? String }) == ["tablet-ani", "tablet-budi"])

            try central.ok(["resolve", "cbr-001", "pekerja=9"])
            try ani.sync(server.url, token: aniToken)
            try budi.sync(server.url, token: budiToken)
            for replica in [central, ani, budi] {
                #expect(try replica.ok(["conflicts", "--json"]).contains("[]") || replica.ok(["conflicts"]).contains("No conflicts"))
                #expect(try replica.ok(["record", "show", "cbr-001", "--json"]).contains("\"pekerja\" : 9"))
            }
        }
    }

    @Test(arguments: CentralStore.allCases) func relayThroughASupervisor(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let centralServer = try ServerProcess(central)
            let centralToken = try central.token(role: "enumerator")
            let supervisor = try workspace.replica("supervisor")
            let supervisorServer = try ServerProcess(supervisor)
            let supervisorToken = try supervisor.token(role: "enumerator")
            let device = try workspace.replica("tablet-b")
            for row in 0..<5 {
                try device.ok(["record", "add", "--form", "usaha", "--id", "b-\(row)", "nama=Usaha B \(row)", "telepon=0812555\(row)"])
            }
            try device.sync(supervisorServer.url, token: supervisorToken)
            try supervisor.sync(centralServer.url, token: centralToken)
            #expect(try central.convergentView() == device.convergentView())
            #expect(try central.ok(["record", "show", "b-3", "--json"]).contains("\"telepon\" : \"08125553\""))

            // A conflict made at the office and on the device, resolved at the office, reaches the device through S.
            try central.ok(["record", "set", "b-1", "nama=Usaha B satu"])
            try device.ok(["record", "set", "b-1", "nama=Usaha B 1 (baru)"])
            try device.sync(supervisorServer.url, token: supervisorToken)
            try supervisor.sync(centralServer.url, token: centralToken)
            #expect(try central.ok(["conflicts"]).contains("b-1"))
            try central.ok(["resolve", "b-1", "nama=Usaha Bersama"])
            try supervisor.sync(centralServer.url, token: centralToken)
            try device.sync(supervisorServer.url, token: supervisorToken)
            #expect(try device.ok(["record", "show", "b-1", "--json"]).contains("\"nama\" : \"Usaha Bersama\""))
            #expect(try device.ok(["conflicts"]).contains("No conflicts"))
            #expect(try device.convergentView() == central.convergentView())
        }
    }

    @Test(arguments: CentralStore.allCases) func clearErrorsForAnUnreachablePeerAndABadToken(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let device = try workspace.replica("tablet")
            let refused = try device.run(["sync", server.url, "--token", "sentra_wrong"])
            #expect(refused.status != 0)
            #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("401"))
            server.kill9()
            let unreachable = try device.run(["sync", server.url, "--token", "sentra_wrong"])
            #expect(unreachable.status != 0)
            #expect(unreachable.stderr.split(separator: "\n").count == 1 && unreachable.stderr.contains("cannot reach"))
        }
    }

    @Test func peerRestoredFromAnOldBackupGetsWhatItLost() throws {
        let workspace = Workspace()
        let central = try workspace.replica("kantor")
        let token = try central.token(role: "enumerator")
        let device = try workspace.replica("tablet")
        for row in 0..<3 { try device.ok(["record", "add", "--form", "usaha", "--id", "a-\(row)", "nama=A \(row)"]) }
        var server = try ServerProcess(central)
        try device.sync(server.url, token: token)
        server.stop()
        let backup = workspace.path("backup.db")
        try central.ok(["status"])  // a checkpointed, closed replica: the file alone is the backup
        try FileManager.default.copyItem(atPath: central.db, toPath: backup)

        server = try ServerProcess(central)
        for row in 0..<4 { try device.ok(["record", "add", "--form", "usaha", "--id", "b-\(row)", "nama=B \(row)"]) }
        try device.sync(server.url, token: token)
        server.stop()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: central.db + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: central.db)
        #expect(try central.changeCount() == 3, "the office is back to its old backup")

        server = try ServerProcess(central)
        let result = try device.run(["sync", server.url, "--token", token, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("holds less"), "the sync says the peer went back: \(result.stderr)")
        let summary = try #require(try result.json() as? [String: Any])
        #expect(summary["pushed"] as? Int == 4 && summary["peerReset"] as? Bool == true)
        #expect(try central.changeCount() == 7)
        #expect(try central.convergentView() == device.convergentView())
    }

    @Test func restoreGivesTheBackupANewIdentityAndPeersRefillIt() throws {
        let workspace = Workspace()
        let central = try workspace.replica("kantor")
        let token = try central.token(role: "enumerator")
        let device = try workspace.replica("tablet")
        try central.ok(["record", "add", "--form", "usaha", "--id", "k-1", "nama=Kantor 1"])
        var server = try ServerProcess(central)
        try device.sync(server.url, token: token)
        server.stop()
        let backup = workspace.path("backup.db")
        try central.ok(["status"])
        try FileManager.default.copyItem(atPath: central.db, toPath: backup)
        server = try ServerProcess(central)
        try central.ok(["record", "add", "--form", "usaha", "--id", "k-2", "nama=Kantor 2"])
        try device.ok(["record", "add", "--form", "usaha", "--id", "t-1", "nama=Tablet 1"])
        try device.sync(server.url, token: token)
        server.stop()

        let restored = SentraProcess(db: workspace.path("kantor-restored.db"))
        let output = try restored.ok(["restore", backup, "--json"])
        let before = try JSONSerialization.jsonObject(with: Data(try central.ok(["status", "--json"]).utf8)) as? [String: Any]
        let after = try JSONSerialization.jsonObject(with: Data(try restored.ok(["status", "--json"]).utf8)) as? [String: Any]
        #expect(((before?["node"] as? [String: Any])?["id"] as? String) != ((after?["node"] as? [String: Any])?["id"] as? String), "\(output)")
        #expect(try restored.changeCount() == 1)
        try restored.ok(["record", "add", "--form", "usaha", "--id", "k-3", "nama=Kantor 3 (after restore)"])
        server = try ServerProcess(restored)
        try device.sync(server.url, token: token)   // the old token still works
        try device.sync(server.url, token: token)
        #expect(try restored.changeCount() == 4, "the office got back k-2 and t-1 from the tablet")
        #expect(try restored.convergentView() == device.convergentView())
    }

    @Test func anOfficeRestoredFromABackupTakesBackTheReviewsItWroteAfterIt() throws {
        let workspace = Workspace()
        let central = SentraProcess(db: workspace.path("kantor.db"))
        try central.ok(["init", "--name", "kantor", "--survey", "ikm", "--office"])
        let token = try central.token(role: "enumerator")
        let device = try workspace.replica("tablet")
        try device.ok(["record", "add", "--form", "usaha", "--id", "t-1", "nama=Tablet 1"])
        var server = try ServerProcess(central)
        try device.sync(server.url, token: token)
        server.stop()
        let backup = workspace.path("backup.db")
        try FileManager.default.copyItem(atPath: central.db, toPath: backup)
        try central.ok(["review", "set", "t-1", "--state", "hasIssues", "--note", "NIB kosong"])
        server = try ServerProcess(central)
        try device.sync(server.url, token: token)
        server.stop()

        let restored = SentraProcess(db: workspace.path("kantor-restored.db"))
        try restored.ok(["restore", backup])
        server = try ServerProcess(restored)
        let summary = try device.sync(server.url, token: token)
        #expect(summary["pushed"] as? Int == 1, "the tablet hands back the review the office wrote after its backup")
        #expect(try restored.ok(["review", "list", "--json"]).contains("NIB kosong"))
    }

    @Test(arguments: CentralStore.allCases) func eachDeviceNeedsItsOwnToken(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let token = try central.token(role: "enumerator", name: "tablet-ani")
            let ani = try workspace.replica("tablet-ani")
            let budi = try workspace.replica("tablet-budi")
            try ani.ok(["record", "add", "--form", "usaha", "--id", "a-1", "nama=Ani"])
            try budi.ok(["record", "add", "--form", "usaha", "--id", "b-1", "nama=Budi"])
            try ani.sync(server.url, token: token)
            let shared = try budi.run(["sync", server.url, "--token", token])
            #expect(shared.status == 1)
            #expect(shared.stderr.split(separator: "\n").count == 1 && shared.stderr.contains("own token"), "\(shared.stderr)")
            #expect(try central.changeCount() == 1, "nothing of Budi's was applied")

            let devices = try #require(try JSONSerialization.jsonObject(with: Data(central.ok(["devices", "--json"]).utf8)) as? [[String: Any]])
            #expect(devices.count == 1)
            #expect(devices.first?["name"] as? String == "tablet-ani" && devices.first?["token"] as? String == "tablet-ani")
            #expect((devices.first?["holds"] as? [String: Any])?["ikm"] != nil)
            #expect(try central.ok(["devices"]).contains("tablet-ani"))

            // Bound at creation to Budi's node ID: Budi syncs, Ani may not.
            let budiID = try #require((try JSONSerialization.jsonObject(with: Data(budi.ok(["status", "--json"]).utf8)) as? [String: Any])
                .flatMap { ($0["node"] as? [String: Any])?["id"] as? String })
            let budiToken = try central.ok(["token", "create", "--name", "tablet-budi", "--role", "enumerator", "--node", budiID])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try ani.run(["sync", server.url, "--token", budiToken]).status == 1)
            try budi.sync(server.url, token: budiToken)
            #expect(try central.changeCount() == 2)
            #expect(try central.run(["token", "create", "--name", "x", "--role", "enumerator", "--node", "not a node"]).status != 0)
        }
    }
}
