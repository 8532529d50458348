import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SentraTestSupport
import Testing

/// `sentra demo` runs the walkthrough to a known outcome; with `--serve` its office node keeps
/// serving until it is interrupted.
@Suite struct DemoTests {
    @Test func demoConvergesWithOneConflictResolved() throws {
        let workspace = Workspace()
        let sentra = SentraProcess(db: workspace.path("unused.db"))
        let result = try sentra.run(["demo", "--records", "5", "--dir", workspace.path("demo"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try result.json() as? [String: Any])
        #expect(summary["converged"] as? Bool == true)
        #expect(summary["conflictsFound"] as? Int == 1)
        #expect(summary["conflictsResolved"] as? Int == 1)
        let nodes = try #require(summary["nodes"] as? [[String: Any]])
        #expect(nodes.count == 4)
        #expect(nodes.allSatisfy { $0["records"] as? Int == 11 && $0["conflicts"] as? Int == 0 })
        let csv = try String(contentsOfFile: try #require(summary["csv"] as? String), encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 1 + 11)
    }

    @Test func demoNarratesAndSaysWhereTheFilesAre() throws {
        let workspace = Workspace()
        let sentra = SentraProcess(db: workspace.path("unused.db"))
        let result = try sentra.run(["demo", "--records", "3", "--dir", workspace.path("demo")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("conflicts found 1, resolved 1"))
        #expect(result.stdout.contains("files are in \(workspace.path("demo"))"))
    }

    // MARK: --serve

    @Test(arguments: [SIGINT, SIGTERM])
    func serveKeepsTheOfficeAndATabletRunningUntilInterrupted(_ signal: Int32) async throws {
        let workspace = Workspace()
        let port = try LoopbackSocket.freePort()
        let demo = try await DemoServeProcess.start(workspace, arguments: ["--port", "\(port)", "--records", "3", "--dir", workspace.path("demo")])
        let base = "http://127.0.0.1:\(port)"
        #expect(demo.printed.contains("conflicts found 1, resolved 1"), "the walkthrough ran first: \(demo.printed)")
        #expect(demo.value(after: "office pages") == base + "/", "\(demo.printed)")
        let code = try #require(demo.value(after: "access code"), "\(demo.printed)")
        let link = try #require(demo.value(after: "field app"), "\(demo.printed)")

        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            // Sign in on the office pages with the printed access code, as a browser does.
            let (signInStatus, signInCookies, signInPage) = try await Self.send(http, base + "/")
            #expect(signInStatus == .ok)
            let signIn = try #require(signInPage.firstMatch(of: /name="signin" value="([^"]+)"/).map { String($0.1) })
            let (posted, sessionCookies, _) = try await Self.send(http, base + "/office/signin", cookies: signInCookies,
                                                                   form: "signin=\(signIn)&token=\(code)")
            #expect(posted == .seeOther)
            let session = try #require(sessionCookies.first { $0.hasPrefix("sentra_session=") }, "\(sessionCookies)")
            let (dashboardStatus, _, dashboard) = try await Self.send(http, base + "/office/s/ikm-konveksi-2024/", cookies: [session])
            #expect(dashboardStatus == .ok)
            #expect(dashboard.contains("Ringkasan") && dashboard.contains("tablet-ani"))

            // The enrolment link names this node, and its token syncs.
            #expect(link.hasPrefix(base + "/field/#enrol="), "\(link)")
            let payload = try #require(link.split(separator: "#enrol=").last.flatMap { String($0).removingPercentEncoding })
            let enrol = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            #expect(enrol["node"] as? String == base)
            #expect(enrol["survey"] as? String == "ikm-konveksi-2024")
            let token = try #require(enrol["token"] as? String)
            let (state, _, _) = try await Self.send(http, base + "/v1/surveys/ikm-konveksi-2024/state", bearer: token)
            #expect(state == .ok)
            // The link opens the field app.
            let (fieldStatus, _, fieldPage) = try await Self.send(http, base + "/field/")
            #expect(fieldStatus == .ok && fieldPage.contains("Sentra Lapangan"))
        } catch {
            try await http.shutdown()
            throw error
        }
        try await http.shutdown()

        // Ani's tablet syncs with the office on its own.
        let tablet = SentraProcess(db: workspace.path("demo/tablet-ani.db"))
        let synced = try await Self.eventually { try Self.daemon(of: tablet)?["lastSuccess"] is String }
        #expect(synced, "tablet-ani's daemon never synced: \(demo.stderr)")

        let ended = try await demo.stop(with: signal)
        #expect(ended?.reason == .exit && ended?.status == 0, "\(String(describing: ended)) \(demo.stderr)")
        #expect(try Self.daemon(of: tablet)?["state"] as? String == "stopped")
    }

    @Test func serveOnATakenPortFailsAtOnceAndMakesNothing() throws {
        let workspace = Workspace()
        let taken = try LoopbackSocket()
        let sentra = SentraProcess(db: workspace.path("unused.db"))
        let result = try sentra.run(["demo", "--serve", "--port", "\(taken.port)", "--records", "3", "--dir", workspace.path("demo")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(taken.port)") && result.stderr.contains("--port"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "the walkthrough did not run: \(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("demo")))
    }

    @Test func portWithoutServeIsRefused() throws {
        let workspace = Workspace()
        let result = try SentraProcess(db: workspace.path("unused.db")).run(["demo", "--port", "9000", "--dir", workspace.path("demo")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--port needs --serve"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("demo")))
    }

    /// One request: its status, the `name=value` of each cookie it sets, and its body.
    static func send(_ http: HTTPClient, _ url: String, cookies: [String] = [], form: String? = nil,
                     bearer: String? = nil) async throws -> (HTTPResponseStatus, [String], String) {
        var request = HTTPClientRequest(url: url)
        if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies.joined(separator: "; ")) }
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        if let form {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await http.execute(request, timeout: .seconds(60))
        let body = String(buffer: try await response.body.collect(upTo: 8 << 20))
        let set = response.headers["Set-Cookie"].map { String($0.split(separator: ";")[0]) }
        return (response.status, set, body)
    }

    /// The daemon part of `sentra status --json` of `replica`.
    static func daemon(of replica: SentraProcess) throws -> [String: Any]? {
        let status = try JSONSerialization.jsonObject(with: Data(try replica.ok(["status", "--json"]).utf8)) as? [String: Any]
        return status?["daemon"] as? [String: Any]
    }

    /// Whether `condition` holds within two minutes, asked off the cooperative threads every 200 ms.
    static func eventually(_ condition: @escaping @Sendable () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if try await OfficeScenario.blocking(condition) { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}
