import AsyncHTTPClient
import Dispatch
import Foundation
import NIOCore
import Synchronization
import SentraTestSupport
import Testing

/// The log order that pull cursors rely on is commit order, with two processes appending to one
/// survey's log at once (decision 0019). Devices push one change at a time through either of two
/// `sentra serve --postgres` processes, while a follower pulls page after page from its cursor
/// with an empty version vector, so it gets exactly what lies past its cursor. Were a position
/// given before commit, a push could commit below a position the follower already passed, and
/// the follower would never see it. At the end the follower holds every change in the log.
///
/// Checked against a deliberately wrong store, positions from a PostgreSQL sequence taken without
/// the lock: the follower missed changes in each of two runs (decision 0019).
@Suite(.serialized) struct PostgresCursorTests {
    static let survey = "ikm-pg"
    static let followerID = "f011040000000001"

    @Test func aPullCursorNeverPassesAChangeThatCommitsLater() async throws {
        let setup = try await OfficeScenario.blocking { try Setup(devices: 8) }
        defer { setup.stop() }
        let pushed = Mutex(false)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: setup.devices.count) { index in
                // Batches of 30: each push is a transaction long enough for others to overlap it.
                for round in 0..<6 {
                    _ = try? setup.devices[index].run(["record", "import", setup.batch(device: index, round: round), "--form", "usaha", "--schemaless"])
                    _ = try? setup.devices[index].run(["sync", setup.urls[(index + round) % 2], "--token", setup.tokens[index]])
                }
            }
            pushed.withLock { $0 = true }
        }
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        var seen: Set<String> = []
        var cursor: Int64 = 0
        var logId: String?
        var pulls = 0
        var finished = false
        while true {
            let done = finished
            let page = try await Self.pull(http, url: setup.urls[pulls % 2], token: setup.followerToken, after: cursor, logId: logId)
            pulls += 1
            seen.formUnion(page.dots)
            cursor = page.next
            logId = page.logId
            if done && !page.more { break }
            if !page.more {
                if finished { break }
                finished = pushed.withLock { $0 }
                if !finished { try await Task.sleep(for: .milliseconds(20)) }
            }
        }
        try await http.shutdown()
        let logged = try Set(PostgresServer.shared().psql("SELECT origin || ':' || counter FROM change_log WHERE survey = '\(Self.survey)'", database: setup.database)
            .split(separator: "\n").map(String.init))
        #expect(logged.count >= 8 * 6 * 30, "every push reached the log: \(logged.count)")
        let missed = logged.subtracting(seen)
        #expect(missed.isEmpty, "the follower missed \(missed.count) changes, such as \(missed.sorted().prefix(5)), over \(pulls) pulls")
        #expect(seen.isSubset(of: logged))
    }

    /// One pull page: the dots it carried, and where it ends.
    static func pull(_ http: HTTPClient, url: String, token: String, after: Int64, logId: String?) async throws -> (dots: [String], next: Int64, more: Bool, logId: String) {
        var request = HTTPClientRequest(url: "\(url)/v1/surveys/\(survey)/pull")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Sentra-Protocol", value: "1")
        request.headers.add(name: "Content-Type", value: "application/json")
        let body: [String: Any] = ["protocol": 1, "receiver": ["id": followerID, "name": "follower"], "after": after,
                                   "logId": logId ?? NSNull(), "versionVector": [String: Int](), "limit": 50]
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await http.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any] ?? [:]
        guard response.status == .ok, let next = object["next"] as? Int64 ?? (object["next"] as? Int).map(Int64.init) else {
            throw SentraProcess.Failure(message: "pull answered \(response.status): \(object)")
        }
        let dots = (object["changes"] as? [[String: Any]] ?? []).map { "\($0["origin"] ?? ""):\($0["counter"] ?? "")" }
        return (dots, next, object["more"] as? Bool ?? false, object["logId"] as? String ?? "")
    }

    /// A PostgreSQL central node served by two processes, its devices and their tokens.
    final class Setup: @unchecked Sendable {
        let database: String
        let servers: [ServerProcess]
        let devices: [SentraProcess]
        let tokens: [String]
        let followerToken: String
        let workspace: Workspace
        var urls: [String] { servers.map(\.url) }

        init(devices count: Int) throws {
            let url: String
            (database, url) = try PostgresServer.shared().newDatabase("kantor")
            let workspace = Workspace()
            self.workspace = workspace
            let central = SentraProcess(db: workspace.path("unused.db"))
            try central.ok(["init", "--postgres", url, "--name", "kantor", "--survey", PostgresCursorTests.survey])
            func token(_ name: String) throws -> String {
                try central.ok(["token", "create", "--postgres", url, "--name", name, "--role", "enumerator", "--survey", PostgresCursorTests.survey])
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            tokens = try (0..<count).map { try token("dev-\($0)") }
            followerToken = try token("follower")
            servers = [try ServerProcess(central, arguments: ["--postgres", url]), try ServerProcess(central, arguments: ["--postgres", url])]
            devices = try (0..<count).map { try workspace.replica("dev-\($0)", survey: PostgresCursorTests.survey) }
        }

        /// A CSV of 30 new records for one device's round.
        func batch(device: Int, round: Int) -> String {
            let lines = (0..<30).map { "d\(device)-r\(round)-\($0),\(device * 1000 + round * 30 + $0)" }
            return workspace.write("batch-\(device)-\(round).csv", "nama_usaha,pekerja_laki\n" + lines.joined(separator: "\n") + "\n")
        }

        func stop() {
            for server in servers { server.stop() }
        }
    }
}
