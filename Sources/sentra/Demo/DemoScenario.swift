import Foundation
import SentraCore
import SentraStore

/// The walkthrough `sentra demo` runs: an office and two enumerators, bundles carried by hand, a
/// conflict, its resolution and a CSV export.
struct DemoScenario {
    static let survey = "ikm-konveksi"
    let directory: String
    let recordsPerEnumerator: Int
    let narrate: (String) -> Void
    private var changesMoved = 0
    private var bytesMoved = 0

    init(directory: String, recordsPerEnumerator: Int, narrate: @escaping (String) -> Void) {
        self.directory = directory
        self.recordsPerEnumerator = recordsPerEnumerator
        self.narrate = narrate
    }

    mutating func run() throws -> DemoSummary {
        let started = Date()
        let survey = Self.survey
        narrate("1. Three replicas: the district office and two enumerators' tablets, each its own SQLite file.")
        let office = try makeReplica("kantor")
        let ani = try makeReplica("tablet-ani")
        let budi = try makeReplica("tablet-budi")

        narrate("2. Offline, Ani and Budi each record \(recordsPerEnumerator) garment workshops in Kecamatan Cibarusah.")
        var generator = DemoRecords(seed: 2024)
        for replica in [ani, budi] {
            for _ in 0..<recordsPerEnumerator {
                try replica.addRecord(survey: survey, form: "usaha", fields: .values(generator.next()))
            }
        }
        let shared = try ani.addRecord(survey: survey, form: "usaha", id: "cbr-001", fields: .values(generator.next())).record

        narrate("3. There is no signal at the workshops, so they carry bundle files to the office by hand.")
        try carry(from: ani, to: office)
        try carry(from: budi, to: office)
        try carry(from: office, to: ani)
        try carry(from: office, to: budi)

        narrate("4. Both revisit workshop \(shared) the same day, offline, and count a different number of workers.")
        try ani.setFields(survey: survey, record: shared, fields: .text(["jumlah_pekerja": "7"]))
        try budi.setFields(survey: survey, record: shared, fields: .text(["jumlah_pekerja": "9"]))
        try carry(from: ani, to: office)
        try carry(from: budi, to: office)
        let conflicts = try office.conflicts(survey: survey)
        for conflict in conflicts {
            let values = conflict.values.map { "\($0.value.displayText) by \($0.nodeName ?? $0.node.rawValue)" }
            narrate("   The office sees a conflict on \(conflict.record) \(conflict.field ?? "(deleted)"): \(values.joined(separator: ", ")). Both are kept.")
        }

        narrate("5. The office phones the owner and resolves it: 9 workers. The resolution covers both values.")
        try office.resolve(survey: survey, record: shared, resolution: .fields(.text(["jumlah_pekerja": "9"])))
        for replica in [ani, budi] { try carry(from: office, to: replica) }

        let csv = directory + "/ikm-konveksi.csv"
        try office.export(survey: survey, format: .csv).write(to: URL(fileURLWithPath: csv))
        narrate("6. The office exports clean data for analysis: \(csv)")

        let nodes = try [office, ani, budi].map { replica in
            let status = try replica.status().surveys.first { $0.name == survey }!
            return DemoSummary.Node(name: replica.node.name, path: replica.path, records: status.records, conflicts: status.conflicts)
        }
        let converged = try Set([office, ani, budi].map { try $0.versionVector(survey: survey) }).count == 1
        return DemoSummary(
            directory: directory, nodes: nodes, conflictsFound: conflicts.count, conflictsResolved: conflicts.count - nodes[0].conflicts,
            changesMoved: changesMoved, bytesMoved: bytesMoved, converged: converged, csv: csv,
            seconds: Date().timeIntervalSince(started))
    }

    private func makeReplica(_ name: String) throws -> Replica {
        let replica = try Replica.create(at: "\(directory)/\(name).db", name: name, survey: Self.survey)
        try replica.importForm(DemoForm.usaha, survey: Self.survey)
        return replica
    }

    /// Writes a bundle for `receiver` and applies it there, as a person carrying a file would.
    private mutating func carry(from sender: Replica, to receiver: Replica) throws {
        let bundle = try sender.exportBundle(survey: Self.survey, for: receiver.node.id.rawValue)
        let file = "\(directory)/\(sender.node.name)-to-\(receiver.node.name).bundle"
        try bundle.data.write(to: URL(fileURLWithPath: file))
        let result = try receiver.importBundle(try Data(contentsOf: URL(fileURLWithPath: file)))
        changesMoved += result.applied
        bytesMoved += bundle.data.count
    }
}
