import Dispatch
import Foundation
import SentraCore
import Synchronization
import SentraTestSupport
import Testing

/// A central node on a real PostgreSQL, served by two `sentra serve --postgres` processes at once,
/// with real `sentra` devices syncing against either at random: they converge, and the database's
/// log holds every change once, with no gap.
@Suite(.serialized) struct PostgresNodeTests {
    static let survey = "ikm-pg"

    @Test func devicesSyncingThroughTwoProcessesOnOneDatabaseConvergeThroughAKill9() async throws {
        try await OfficeScenario.blocking { try Self.twoProcesses(devices: 20, rounds: 6, seed: 15) }
    }

    /// Two copies of one device (the same node, the same changes) push through both processes at
    /// the same moment: the same dots arrive twice at once, and each is applied once.
    @Test func theSameDotsPushedThroughBothProcessesAtOnceAreAppliedOnce() async throws {
        try await OfficeScenario.blocking {
            let postgres = try PostgresServer.shared()
            let (database, url) = try postgres.newDatabase("kantor")
            let workspace = Workspace()
            let central = SentraProcess(db: workspace.path("unused.db"))
            try central.ok(["init", "--postgres", url, "--name", "kantor", "--survey", Self.survey])
            let token = try central.ok(["token", "create", "--postgres", url, "--name", "hp-ani", "--role", "enumerator", "--survey", Self.survey])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let servers = [try ServerProcess(central, arguments: ["--postgres", url]), try ServerProcess(central, arguments: ["--postgres", url])]
            let device = try workspace.replica("hp-ani", survey: Self.survey)
            let rows = (0..<400).map { "r\($0),Usaha \($0),\($0 % 50)" }.joined(separator: "\n")
            try device.ok(["record", "import", workspace.write("batch.csv", "id,nama_usaha,pekerja_laki\n\(rows)\n"), "--form", "usaha", "--schemaless"])
            try FileManager.default.copyItem(atPath: device.db, toPath: workspace.path("copy.db"))
            let copy = SentraProcess(db: workspace.path("copy.db"))
            let urls = servers.map(\.url)
            let finished = Mutex<[SentraProcess.Result?]>([nil, nil])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let result = try? [device, copy][index].run(["sync", urls[index], "--token", token, "--json"])
                finished.withLock { $0[index] = result }
            }
            let results = finished.withLock { $0 }
            #expect(results.allSatisfy { $0?.status == 0 }, "both syncs succeed: \(results.map { $0?.stderr ?? "no result" })")
            let log = try postgres.psql("SELECT count(*), count(DISTINCT (origin, counter)), max(seq) FROM change_log", database: database)
            #expect(log.trimmingCharacters(in: .whitespacesAndNewlines) == "400|400|400", "each change once, positions 1…400")
            for server in servers { server.stop() }
        }
    }

    static func twoProcesses(devices count: Int, rounds: Int, seed: UInt64) throws {
        let postgres = try PostgresServer.shared()
        let (database, url) = try postgres.newDatabase("kantor")
        let workspace = Workspace()
        let central = SentraProcess(db: workspace.path("unused.db"))
        try central.ok(["init", "--postgres", url, "--name", "kantor", "--survey", survey])
        let tokens = try (0..<count).map { index in
            try central.ok(["token", "create", "--postgres", url, "--name", "dev-\(index)", "--role", "enumerator", "--survey", survey])
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var servers = [try ServerProcess(central, arguments: ["--postgres", url]), try ServerProcess(central, arguments: ["--postgres", url])]
        let devices = try (0..<count).map { try workspace.replica("dev-\($0)", survey: survey) }
        var random = SeededGenerator(seed: seed)
        try devices[0].ok(["record", "add", "--schemaless", "--form", "usaha", "--id", "shared", "pekerja_laki=1"])

        for round in 1...rounds {
            // Each device writes: new records, and an edit of the shared record once it holds it.
            for (index, device) in devices.enumerated() {
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    try device.ok(["record", "add", "--schemaless", "--form", "usaha", "nama_usaha=r\(round)-d\(index)-\(UInt32.random(in: 0...UInt32.max, using: &random))"])
                }
                if Bool.random(using: &random), (try? device.ok(["record", "show", "shared", "--json"])) != nil {
                    try device.ok(["record", "set", "shared", "pekerja_laki=\(Int.random(in: 0...500, using: &random))"])
                }
            }
            // Everyone syncs at once, each with either process; half way one process dies by kill -9.
            let urls = servers.map(\.url)
            let choices = devices.indices.map { _ in Int.random(in: 0..<urls.count, using: &random) }
            let killer = round == rounds / 2 ? DispatchWorkItem { servers[0].kill9() } : nil
            if let killer { DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(150), execute: killer) }
            DispatchQueue.concurrentPerform(iterations: devices.count) { index in
                _ = try? devices[index].run(["sync", urls[choices[index]], "--token", tokens[index]])
            }
            if killer != nil {
                killer?.wait()
                servers[0] = try ServerProcess(central, arguments: ["--postgres", url])
            }
        }
        // Two quiet rounds, alternating processes: everyone receives everything.
        for pass in 0..<2 {
            for (index, device) in devices.enumerated() {
                try device.sync(servers[(index + pass) % servers.count].url, token: tokens[index])
            }
        }

        let views = try devices.map { try $0.convergentView() }
        #expect(Set(views).count == 1, "every device shows the same records and conflicts")
        let written = try devices.reduce(0) { sum, device in sum + (try Self.ownCounter(device)) }
        let log = try postgres.psql("SELECT count(*), COALESCE(min(seq), 0), COALESCE(max(seq), 0) FROM change_log WHERE survey = '\(survey)'", database: database)
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int($0) }
        #expect(log == [written, 1, written], "every change once, at positions 1…\(written) with no gap: \(log)")
        let held = try postgres.psql("SELECT COALESCE(sum(counter), 0) FROM version_vector WHERE survey = '\(survey)'", database: database)
        #expect(Int(held.trimmingCharacters(in: .whitespacesAndNewlines)) == written)
        for server in servers { server.stop() }
    }

    /// How many changes the device wrote itself: its own counter in its version vector.
    static func ownCounter(_ device: SentraProcess) throws -> Int {
        let status = try JSONSerialization.jsonObject(with: Data(try device.ok(["status", "--json"]).utf8)) as? [String: Any] ?? [:]
        let id = (status["node"] as? [String: Any])?["id"] as? String ?? ""
        let survey = (status["surveys"] as? [[String: Any]])?.first { $0["name"] as? String == Self.survey } ?? [:]
        return (survey["versionVector"] as? [String: Int])?[id] ?? 0
    }
}
