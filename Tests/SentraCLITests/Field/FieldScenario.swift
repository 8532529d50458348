import Foundation
import IKMKonveksi

/// A district office as the field app meets it: a real `sentra serve` on a central replica with
/// the census form published, an enumerator token whose enrolment link a phone opens, and a
/// tablet, a real replica that syncs with real `sentra sync`.
final class FieldScenario: Sendable {
    static let survey = CensusForm.survey

    nonisolated(unsafe) let workspace: Workspace
    let central: SentraProcess
    nonisolated(unsafe) let server: ServerProcess
    let budi: SentraProcess
    let budiToken: String
    /// The link the office's QR code holds: `<node>/field/#enrol=…`.
    let enrolURL: String

    /// Builds the office off Swift's cooperative threads; `tabletRecords` census records from the
    /// tablet reach the node first.
    static func start(tabletRecords: Int = 0) async throws -> FieldScenario {
        try await OfficeScenario.blocking { try FieldScenario(tabletRecords: tabletRecords) }
    }

    private init(tabletRecords: Int) throws {
        workspace = Workspace()
        central = SentraProcess(db: workspace.path("kantor.db"))
        try central.ok(["init", "--name", "kantor", "--survey", Self.survey, "--office"])
        try central.ok(["form", "publish", OfficeScenario.xlsForm])
        server = try ServerProcess(central)
        let created = try JSONSerialization.jsonObject(with: Data(try central.ok([
            "token", "create", "--name", "hp-siti", "--role", "enumerator", "--survey", Self.survey, "--url", server.url, "--json",
        ]).utf8)) as? [String: Any]
        guard let link = created?["enrolURL"] as? String else { throw SentraProcess.Failure(message: "token create printed no enrolURL") }
        enrolURL = link
        budiToken = try central.token(role: "enumerator", name: "tablet-budi")
        budi = try workspace.replica("tablet-budi", survey: Self.survey)
        try budi.ok(["form", "import", OfficeScenario.xlsForm])
        if tabletRecords > 0 {
            var generator = CensusGenerator(seed: 14)
            _ = try OfficeScenario.write(tabletRecords, into: budi, using: &generator, names: [:])
        }
        try budi.sync(server.url, token: budiToken)
    }

    /// The central node's records by `nama_usaha` (the census form) or `nama` (the test form of
    /// every type): each record's ID and displayed fields.
    func centralRecords() async throws -> [String: (id: String, fields: [String: Any])] {
        let central = central
        let json = try await OfficeScenario.blocking { try central.ok(["record", "list", "--json"]) }
        let list = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        var byName: [String: (id: String, fields: [String: Any])] = [:]
        for record in list {
            guard let id = record["id"] as? String, let fields = record["fields"] as? [String: Any] else { continue }
            byName[fields["nama_usaha"] as? String ?? fields["nama"] as? String ?? id] = (id, fields)
        }
        return byName
    }

    /// `sentra status --json` of the central node for the survey: records and changes.
    func centralCounts() async throws -> (records: Int, changes: Int) {
        let central = central
        let json = try await OfficeScenario.blocking { try central.ok(["status", "--json"]) }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let survey = (object?["surveys"] as? [[String: Any]])?.first { $0["name"] as? String == Self.survey } ?? [:]
        return (survey["records"] as? Int ?? -1, survey["changes"] as? Int ?? -1)
    }

    /// Runs the tablet's `sentra` with `arguments`, off the cooperative threads.
    @discardableResult
    func tablet(_ arguments: [String]) async throws -> String {
        let budi = budi
        return try await OfficeScenario.blocking { try budi.ok(arguments) }
    }

    /// Syncs the tablet with the node.
    func syncTablet() async throws {
        let (budi, url, token) = (budi, server.url, budiToken)
        try await OfficeScenario.blocking { _ = try budi.sync(url, token: token) }
    }

    /// Runs the central node's `sentra` with `arguments` (beside the running server).
    @discardableResult
    func office(_ arguments: [String]) async throws -> String {
        let central = central
        return try await OfficeScenario.blocking { try central.ok(arguments) }
    }
}
