import Foundation
import Logging
import NIOCore
import SentraCore
import SentraQR
import SentraServer
import SentraStore
import SentraSync
import SentraWeb
import ServiceLifecycle
import Synchronization

/// `sentra demo --serve`: after the walkthrough, the office node (kantor) keeps serving its API
/// and office pages on a loopback port, and Ani's tablet keeps syncing with it, until SIGINT or
/// SIGTERM. It prints where the pages are, an admin's access code to sign in with, and the
/// field app's enrolment link for a new enumerator's token.
struct DemoServer {
    /// The demo serves this machine only: the walkthrough's nodes are all on loopback.
    static let host = "127.0.0.1"
    /// The token names the demo issues on kantor.
    static let adminName = "demo-admin"
    static let phoneName = "hp-demo"

    /// Where the walkthrough left its replicas.
    let directory: String
    /// The office node's port; 0 for any free one.
    let port: Int
    /// The token Ani's tablet synced with during the walkthrough.
    let tabletToken: String
    let output: Output

    /// What the demo prints once the office node listens: as text, or with `--json` as a second
    /// JSON document after the walkthrough's summary.
    struct Addresses: Encodable {
        /// The office pages' sign-in page, `http://127.0.0.1:PORT/`.
        let office: String
        /// An admin's access code for the sign-in page (and a bearer token for the API).
        let accessCode: String
        let accessCodeName: String
        /// The field app's enrolment link for a new enumerator token.
        let enrolURL: String
        let enrolTokenName: String
        let survey: String
        /// The device that keeps syncing with the office, and how often it does when idle.
        let device: String
        let deviceIntervalSeconds: Int
        let directory: String

        var text: String {
            """

            The office node kantor keeps serving; Ani's tablet syncs with it every \(deviceIntervalSeconds) s and after each of its writes.
              office pages  \(office)
              access code   \(accessCode)
                            (admin \(accessCodeName): paste it as "Kode akses" on the sign-in page; it is also a bearer token for the API)
              field app     \(enrolURL)
                            (the enrolment link of a new enumerator, \(enrolTokenName), for survey \(survey))
            A phone cannot open 127.0.0.1. To try the field app on a phone, stop the demo and serve the office on your network:
              sentra serve --db \(directory)/kantor.db --host 0.0.0.0 --public-url http://THIS-COMPUTER-ADDRESS:8080
            Press Ctrl-C to stop.
            """
        }
    }

    func run() async throws {
        let survey = DemoScenario.survey
        let office = try Replica.open(at: DemoScenario.path(of: "kantor", in: directory))
        let tablet = try Replica.open(at: DemoScenario.path(of: "tablet-ani", in: directory))
        let lock = try DaemonLock(replicaPath: tablet.path)
        let storage = ReplicaStorage(replica: office)
        let admin = try await storage.issueToken(name: Self.adminName, role: .admin, survey: nil)
        let phone = try await storage.issueToken(name: Self.phoneName, role: .enumerator, survey: survey)

        var logger = Logger(label: "sentra.demo")
        logger.logLevel = .error
        let server = NodeServer(storage: storage, host: Self.host, port: port, logger: logger)
        let router = server.router()
        let site = OfficeSite(storage: storage, secure: false, logger: logger)
        site.addRoutes(to: router)
        FieldApp().addRoutes(to: router)
        let (ports, bound) = AsyncStream<Int>.makeStream()
        let listening = Mutex(false)
        let output = output
        let directory = directory
        let app = server.application(router: router) { port in
            listening.withLock { $0 = true }
            bound.yield(port)
            bound.finish()
            let url = "http://\(Self.host):\(port)"
            let link = EnrolmentLink(node: url, token: phone.token, survey: survey)
            let addresses = Addresses(
                office: url + "/", accessCode: admin.token, accessCodeName: admin.name, enrolURL: link.url, enrolTokenName: phone.name,
                survey: survey, device: "tablet-ani", deviceIntervalSeconds: Int(DemoDevice.interval.components.seconds), directory: directory)
            output.emit(addresses) { addresses.text }
        }
        let device = DemoDevice(replica: tablet, token: tabletToken, ports: ports, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: device)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        // The office's record index is built while the node already serves.
        Task(priority: .background) { await site.prepare() }
        do {
            try await group.run()
        } catch let error as IOError where !listening.withLock({ $0 }) {
            throw LoopbackPort.taken(host: Self.host, port: port, errno: error.errnoCode)
        }
        withExtendedLifetime(lock) {}
    }
}
