import Dispatch
import Foundation
import IKMKonveksi
import SentraCore
import SentraStore
import SentraTestSupport

/// A district office as the browser tests meet it: a real `sentra serve` on a central node (a
/// SQLite replica or PostgreSQL, ``CentralStore``) with the census form published from its XLSForm, and two tablets, real replicas synced with
/// real `sentra sync`, holding records from the census generator. One record is in conflict:
/// both tablets changed its `pekerja_laki`.
final class OfficeScenario: Sendable {
    static let survey = CensusForm.survey
    /// The record both tablets edited, found by this name.
    static let conflictedName = "Konveksi Anggrek Ujicoba"
    /// Ani's record the office marks "has issues".
    static let revisitName = "Konveksi Melati Revisi"
    static let xlsForm = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/ikm-konveksi/form.xlsx").path

    nonisolated(unsafe) let workspace: Workspace
    let central: SentraProcess
    nonisolated(unsafe) let server: ServerProcess
    let ani: SentraProcess
    let budi: SentraProcess
    let officeToken: String
    let aniToken: String
    let budiToken: String
    let conflicted: String
    let revisit: String

    /// Builds the office off Swift's cooperative threads: every step waits for a process.
    static func start(_ kind: CentralStore = .sqlite, recordsPerTablet: Int = 30) async throws -> OfficeScenario {
        try await blocking { try OfficeScenario(kind, recordsPerTablet: recordsPerTablet) }
    }

    private init(_ kind: CentralStore, recordsPerTablet: Int) throws {
        workspace = Workspace()
        central = try workspace.central(kind, survey: Self.survey, office: true)
        try central.ok(["form", "publish", Self.xlsForm])
        officeToken = try central.token(role: "office", name: "meja-dewi")
        aniToken = try central.token(role: "enumerator", name: "tablet-ani")
        budiToken = try central.token(role: "enumerator", name: "tablet-budi")
        server = try ServerProcess(central)
        ani = try workspace.replica("tablet-ani", survey: Self.survey)
        budi = try workspace.replica("tablet-budi", survey: Self.survey)
        try ani.sync(server.url, token: aniToken)
        try budi.sync(server.url, token: budiToken)

        var generator = CensusGenerator(seed: 13)
        let aniIDs = try Self.write(recordsPerTablet, into: ani, using: &generator,
                                    names: [0: Self.conflictedName, 1: Self.revisitName])
        _ = try Self.write(recordsPerTablet, into: budi, using: &generator, names: [:])
        conflicted = aniIDs[0]
        revisit = aniIDs[1]
        try ani.sync(server.url, token: aniToken)
        try budi.sync(server.url, token: budiToken)
        try ani.ok(["record", "set", conflicted, "pekerja_laki=4"])
        try budi.ok(["record", "set", conflicted, "pekerja_laki=6"])
        try ani.sync(server.url, token: aniToken)
        try budi.sync(server.url, token: budiToken)
    }

    /// Writes `count` generated census records into the tablet's replica file, naming some.
    static func write(_ count: Int, into tablet: SentraProcess, using generator: inout CensusGenerator,
                      names: [Int: String]) throws -> [String] {
        let replica = try Replica.open(at: tablet.db)
        let records = (0..<count).map { index -> (id: String?, fields: FieldInput) in
            var values = generator.next()
            if let name = names[index] { values["nama_usaha"] = .string(name) }
            return (nil, .values(values))
        }
        return try replica.addRecords(survey: survey, form: CensusForm.usaha.name, records).map(\.record)
    }

    /// The node's counts as `sentra status --json` gives them: records, conflicts, and reviews by state.
    func status() async throws -> (records: Int, conflicts: Int, reviews: [String: Int]) {
        let central = central
        let json = try await Self.blocking { try central.ok(["status", "--json"]) }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let survey = (object?["surveys"] as? [[String: Any]])?.first { $0["name"] as? String == Self.survey } ?? [:]
        return (survey["records"] as? Int ?? -1, survey["conflicts"] as? Int ?? -1, survey["reviews"] as? [String: Int] ?? [:])
    }

    /// Runs `body`, which waits for processes or SQLite, on a Dispatch worker, in the calling task
    /// (see ``BlockingExecutor``).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await SentraCLITests.blocking(body)
    }
}
