import Foundation
import IKMKonveksi
import SentraCore
import SentraServer
import SentraStore
import SentraSync

/// The walkthrough `sentra demo` runs: a district office and a supervisor serving on loopback
/// ports, two enumerators working offline, a device-to-device relay, a conflict, its resolution,
/// and a CSV export.
struct DemoScenario {
    static let survey = CensusForm.survey
    let directory: String
    let recordsPerEnumerator: Int
    let narrate: @Sendable (String) -> Void
    private var moved = DemoSummary.Traffic()
    /// The token Ani's tablet syncs with the office, once ``run()`` issued it.
    private(set) var aniToken: String?

    init(directory: String, recordsPerEnumerator: Int, narrate: @escaping @Sendable (String) -> Void) {
        self.directory = directory
        self.recordsPerEnumerator = recordsPerEnumerator
        self.narrate = narrate
    }

    mutating func run() async throws -> DemoSummary {
        let started = Date()
        let survey = Self.survey
        narrate("1. Four replicas, each its own SQLite file: the district office (kantor), supervisor Sari's laptop,")
        narrate("   and the tablets of enumerators Ani and Budi. The office and Sari's laptop serve HTTP on loopback.")
        let office = try makeReplica("kantor")
        // The office reviews records (decision 0013), as `sentra init --office` makes it.
        try office.setOffice(true)
        let sari = try makeReplica("laptop-sari")
        let ani = try makeReplica("tablet-ani")
        let budi = try makeReplica("tablet-budi")
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            let officeServer = try await LoopbackServer.start(office, in: &tasks)
            let sariServer = try await LoopbackServer.start(sari, in: &tasks)
            // One token per device, as the office issues them.
            let aniToken = try issue(on: office, name: "tablet-ani")
            self.aniToken = aniToken
            let sariToken = try issue(on: office, name: "laptop-sari")
            let budiToken = try issue(on: sari, name: "tablet-budi")
            narrate("   kantor serves \(officeServer.url); Sari's laptop serves \(sariServer.url).")

            narrate("   The office publishes the census form (Examples/ikm-konveksi/form.xlsx, version \(CensusForm.usaha.version), in")
            narrate("   Indonesian and English). Before they leave, every device syncs once and gets it; Budi's comes through Sari.")
            try office.publishForm(CensusForm.usaha, survey: survey)
            try await sync(ani, with: officeServer, token: aniToken)
            try await sync(sari, with: officeServer, token: sariToken)
            try await sync(budi, with: sariServer, token: budiToken)

            narrate("2. Offline for days, Ani and Budi each record \(Plural.count(recordsPerEnumerator, "garment workshop")) in Kecamatan Cibarusah.")
            var generator = CensusGenerator(seed: 2024)
            for _ in 0..<recordsPerEnumerator {
                try ani.addRecord(survey: survey, form: "usaha", fields: .values(generator.next()))
                try budi.addRecord(survey: survey, form: "usaha", fields: .values(generator.next()))
            }
            try ani.addRecord(survey: survey, form: "usaha", id: "cbr-001", fields: .values(generator.next()))

            narrate("3. Ani reaches signal and syncs with the office. Sari syncs too before she drives out.")
            try await sync(ani, with: officeServer, token: aniToken)
            try await sync(sari, with: officeServer, token: sariToken)

            narrate("4. In the field there is no signal: Budi syncs with Sari's laptop over its hotspot.")
            try await sync(budi, with: sariServer, token: budiToken)

            narrate("5. Ani and Budi both revisit workshop cbr-001 and count the women working there differently.")
            try ani.setFields(survey: survey, record: "cbr-001", fields: .text(["pekerja_perempuan": "12"]))
            try budi.setFields(survey: survey, record: "cbr-001", fields: .text(["pekerja_perempuan": "14"]))
            try await sync(budi, with: sariServer, token: budiToken)
            try await sync(ani, with: officeServer, token: aniToken)

            narrate("6. Back at the office, Sari's laptop relays Budi's work to kantor.")
            try await sync(sari, with: officeServer, token: sariToken)
            let conflicts = try office.conflicts(survey: survey)
            for conflict in conflicts {
                let values = conflict.values.map { "\($0.value.displayText) by \($0.nodeName ?? $0.node.rawValue)" }
                narrate("   kantor shows a conflict on \(conflict.record) \(conflict.field ?? "(deleted)"): \(values.joined(separator: ", ")). Both are kept.")
            }

            narrate("7. The office phones the owner: 14 women. The resolution is a write that covers both values.")
            try office.resolve(survey: survey, record: "cbr-001", resolution: .fields(.text(["pekerja_perempuan": "14"])))
            let csv = directory + "/ikm-konveksi.csv"
            try office.export(survey: survey, format: .csv).write(to: URL(fileURLWithPath: csv))
            narrate("   It exports clean data for analysis: \(csv)")

            narrate("8. Everyone syncs once more: the resolution reaches Ani directly and Budi through Sari.")
            try await sync(ani, with: officeServer, token: aniToken)
            try await sync(sari, with: officeServer, token: sariToken)
            try await sync(budi, with: sariServer, token: budiToken)
            tasks.cancelAll()

            let replicas = [office, sari, ani, budi]
            let nodes = try replicas.map { replica in
                let status = try replica.status().surveys.first { $0.name == survey }!
                return DemoSummary.Node(name: replica.node.name, path: replica.path, records: status.records, conflicts: status.conflicts)
            }
            let converged = try Set(replicas.map { try $0.versionVector(survey: survey) }).count == 1
            return DemoSummary(
                directory: directory, nodes: nodes, conflictsFound: conflicts.count, conflictsResolved: conflicts.count - nodes[0].conflicts,
                changesMoved: moved.changes, bytesMoved: moved.bytes, converged: converged, csv: csv,
                csvRows: try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n").count - 1,
                seconds: Date().timeIntervalSince(started))
        }
    }

    /// Where the walkthrough keeps the replica of node `name`.
    static func path(of name: String, in directory: String) -> String {
        "\(directory)/\(name).db"
    }

    private func makeReplica(_ name: String) throws -> Replica {
        try Replica.create(at: Self.path(of: name, in: directory), name: name, survey: Self.survey)
    }

    private func issue(on replica: Replica, name: String) throws -> String {
        let token = AccessToken.generate()
        try replica.insertToken(AccessToken.record(for: token, name: name, role: .enumerator, survey: Self.survey))
        return token
    }

    private mutating func sync(_ replica: Replica, with server: LoopbackServer, token: String) async throws {
        let summary = try await SyncDriver(replica: replica, transport: try HTTPTransport(baseURL: server.url, token: token))
            .sync(survey: Self.survey)
        moved.changes += summary.pushed + summary.pulled
        moved.bytes += summary.bytesSent + summary.bytesReceived
    }
}
