import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// HTTPS between real processes: `sentra serve --tls-cert --tls-key`, and `sentra sync` and
/// `sentra daemon` with `--ca-cert`, on certificates made at test time.
@Suite(.serialized) struct TLSTests {
    /// A central node serving HTTPS with `certificate`, a device with one record, and an enumerator token.
    struct Setup {
        let workspace: Workspace
        let central: SentraProcess
        let server: ServerProcess
        let device: SentraProcess
        let token: String

        init(_ workspace: Workspace, certificate: TestPKI.Issued) throws {
            self.workspace = workspace
            central = try workspace.replica("kantor")
            server = try ServerProcess(central, arguments: ["--tls-cert", certificate.certificateFile, "--tls-key", certificate.keyFile])
            token = try central.token(role: "enumerator", name: "tablet")
            device = try workspace.replica("tablet")
            try device.ok(["record", "add", "--form", "usaha", "--id", "t-1", "nama=Konveksi Maju", "pekerja=5"])
        }

        /// `sentra sync` with `arguments` added, as JSON.
        func sync(_ arguments: [String]) throws -> SentraProcess.Result {
            try device.run(["sync", server.url, "--token", token, "--json"] + arguments)
        }
    }

    @Test func syncOverHTTPSTrustingTheOfficeCA() throws {
        let workspace = Workspace()
        let pki = TestPKI(workspace: workspace)
        let ca = try pki.authority("Kantor CA")
        let setup = try Setup(workspace, certificate: try pki.node("kantor", issuedBy: ca))
        #expect(setup.server.url.hasPrefix("https://127.0.0.1:"), "serve names an https:// URL: \(setup.server.url)")

        let result = try setup.sync(["--ca-cert", ca.certificateFile])
        try #require(result.status == 0, "sync over HTTPS: \(result.stderr)")
        let summary = try result.json() as? [String: Any]
        #expect(summary?["pushed"] as? Int == 1)
        #expect(try setup.central.run(["record", "show", "t-1"]).status == 0)

        // The other way, and a second sync with nothing to do.
        try setup.central.ok(["record", "add", "--form", "usaha", "--id", "k-1", "nama=Kantor"])
        let again = try setup.sync(["--ca-cert", ca.certificateFile])
        #expect(again.status == 0, "\(again.stderr)")
        #expect((try again.json() as? [String: Any])?["pulled"] as? Int == 1)
        #expect(try setup.device.convergentView() == setup.central.convergentView())
    }

    @Test func aSelfSignedNodeCertificateGivenAsCACertIsTrusted() throws {
        let workspace = Workspace()
        let pki = TestPKI(workspace: workspace)
        let node = try pki.node("kantor", issuedBy: nil)
        let setup = try Setup(workspace, certificate: node)
        let result = try setup.sync(["--ca-cert", node.certificateFile])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try setup.central.run(["record", "show", "t-1"]).status == 0)
    }

    @Test func aWrongCANoCAOrAnotherHostIsRefusedWithOneLineAndChangesNothing() throws {
        let workspace = Workspace()
        let pki = TestPKI(workspace: workspace)
        let ca = try pki.authority("Kantor CA")
        let otherCA = try pki.authority("Other CA")
        let setup = try Setup(workspace, certificate: try pki.node("kantor", issuedBy: ca))
        let before = (device: try setup.device.convergentView(), central: try setup.central.convergentView())

        for (what, arguments) in [("a wrong CA", ["--ca-cert", otherCA.certificateFile]), ("no CA", [])] {
            let result = try setup.sync(arguments)
            #expect(result.status == 1, "\(what): exit \(result.status)")
            #expect(Self.errorCode(result) == "tls_untrusted", "\(what): \(result.stdout)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("sentra: "), "\(what): one line on stderr: \(result.stderr)")
        }
        #expect(try setup.device.convergentView() == before.device)
        #expect(try setup.central.convergentView() == before.central)
        #expect(try setup.central.changeCount() == 0)

        // Signed by the trusted CA, but for another host: refused the same way.
        let elsewhere = Workspace()
        let otherPKI = TestPKI(workspace: elsewhere)
        let elsewhereCA = try otherPKI.authority("Kantor CA")
        let misnamed = try Setup(elsewhere, certificate: try otherPKI.node("kantor", issuedBy: elsewhereCA, addresses: false))
        let result = try misnamed.sync(["--ca-cert", elsewhereCA.certificateFile])
        #expect(result.status == 1)
        #expect(Self.errorCode(result) == "tls_untrusted", "a certificate for localhost only, at 127.0.0.1: \(result.stdout)")
        #expect(try misnamed.central.changeCount() == 0)
    }

    @Test func aBadCACertFileIsRefusedBeforeAnySync() throws {
        let workspace = Workspace()
        let pki = TestPKI(workspace: workspace)
        let ca = try pki.authority("Kantor CA")
        let setup = try Setup(workspace, certificate: try pki.node("kantor", issuedBy: ca))
        let before = try setup.device.convergentView()
        for file in [workspace.path("missing.pem"), ca.keyFile, workspace.write("empty.pem", "")] {
            let result = try setup.sync(["--ca-cert", file])
            #expect(result.status == 1, "--ca-cert \(file)")
            #expect(Self.errorCode(result) == "ca_certificate", "--ca-cert \(file): \(result.stdout)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try setup.device.convergentView() == before)
        #expect(try setup.central.changeCount() == 0)
    }

    @Test func serveRefusesAMissingOrMismatchedCertificateBeforeListening() throws {
        let workspace = Workspace()
        let pki = TestPKI(workspace: workspace)
        let ca = try pki.authority("Kantor CA")
        let node = try pki.node("kantor", issuedBy: ca)
        let other = try pki.node("other", issuedBy: ca)
        let central = try workspace.replica("kantor")
        let attempts: [(String, [String])] = [
            ("a missing certificate", ["--tls-cert", workspace.path("nope.crt"), "--tls-key", node.keyFile]),
            ("a missing key", ["--tls-cert", node.certificateFile, "--tls-key", workspace.path("nope.key")]),
            ("another certificate's key", ["--tls-cert", node.certificateFile, "--tls-key", other.keyFile]),
            ("the files swapped", ["--tls-cert", node.keyFile, "--tls-key", node.certificateFile]),
            ("a key without a certificate", ["--tls-key", node.keyFile]),
        ]
        for (what, arguments) in attempts {
            let server = try RunningProcess(central, ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments)
            let status = server.waitForExit(timeout: 60)
            if status == nil { server.kill9() }
            #expect(status != nil && status != 0, "\(what): serve must exit with an error, not listen; \(server.summary)")
            #expect(!server.stdout.contains("serving"), "\(what): \(server.stdout)")
            if arguments.contains("--tls-cert") {
                #expect(server.stderrLines.count == 1 && server.stderrLines.first?.hasPrefix("sentra: ") == true, "\(what): \(server.stderr)")
            }
        }
        // And the same files the right way round serve.
        let good = try ServerProcess(central, arguments: ["--tls-cert", node.certificateFile, "--tls-key", node.keyFile])
        #expect(good.url.hasPrefix("https://"))
    }

    @Test func theDaemonSyncsOverHTTPSWithCACert() throws {
        let workspace = Workspace()
        let pki = TestPKI(workspace: workspace)
        let ca = try pki.authority("Kantor CA")
        let setup = try Setup(workspace, certificate: try pki.node("kantor", issuedBy: ca))
        let daemon = try setup.device.daemon(setup.server.url, token: setup.token, interval: 600, extra: ["--ca-cert", ca.certificateFile])
        defer { daemon.signal(SIGTERM); daemon.waitForExit(timeout: 10) }
        let arrived = eventually(timeout: 60, interval: 0.2) { try setup.central.run(["record", "show", "t-1"]).status == 0 }
        #expect(arrived, "the daemon synced over HTTPS: \(daemon.summary)")
        #expect(daemon.isRunning)
    }

    @Test func metricsNeedATokenUnlessServeHasPublicMetrics() async throws {
        let workspace = Workspace()
        let central = try workspace.replica("kantor")
        let token = try central.token(role: "enumerator", name: "scraper")
        let closed = try ServerProcess(central)
        #expect(try await Self.status(of: closed.url + "/metrics") == 401)
        #expect(try await Self.status(of: closed.url + "/metrics", token: token) == 200)
        closed.stop()

        let open = try ServerProcess(central, arguments: ["--public-metrics"])
        #expect(try await Self.status(of: open.url + "/metrics") == 200)
        #expect(try await Self.status(of: open.url + "/v1/surveys/ikm/state") == 401)
    }

    /// The `code` of the `{"error": …}` document a failed `--json` command prints.
    static func errorCode(_ result: SentraProcess.Result) -> String? {
        ((try? result.json() as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
    }

    /// The HTTP status of a GET.
    static func status(of url: String, token: String? = nil) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 60)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? -1
    }
}
