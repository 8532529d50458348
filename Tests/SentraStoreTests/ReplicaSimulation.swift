import Foundation
import GRDB
import SentraCore
import Testing
@testable import SentraStore

/// A seeded run of 3 to 6 replicas on real SQLite files: random adds, edits, deletes and resolves,
/// and random pairwise exchanges that are duplicated, overlapping, partial, by bundle, or have a
/// gap (which must be refused). At the end every replica must hold the same state.
struct ReplicaSimulation {
    let seed: UInt64
    static let survey = "sim"
    static let recordIDs = (0..<6).map { "r\($0)" }
    static let fieldNames = ["a", "b", "c"]

    private var random: SeededGenerator
    private let directory = TemporaryDirectory()
    private var replicas: [Replica] = []
    private var clocks: [ManualClock] = []

    init(seed: UInt64) {
        self.seed = seed
        random = SeededGenerator(seed: seed)
    }

    mutating func run(steps: ClosedRange<Int> = 60...120) throws {
        let count = Int.random(in: 3...6, using: &random)
        for index in 0..<count {
            let clock = ManualClock(1_764_000_000_000 + Int64.random(in: -60_000...60_000, using: &random))
            let id = NodeID(rawValue: String(format: "n%02d%06x", index, Int.random(in: 0..<0xFFFFFF, using: &random)))!
            clocks.append(clock)
            replicas.append(try Replica.create(at: directory.path("n\(index).db"), name: "n\(index)", survey: Self.survey,
                                               nodeID: id, wallClock: clock.reading))
        }
        for _ in 0..<Int.random(in: steps, using: &random) {
            for clock in clocks {
                clock.advance(by: random.chance(0.05) ? -Int64.random(in: 0...30_000, using: &random) : Int64.random(in: 0...1_000, using: &random))
            }
            let node = Int.random(in: 0..<count, using: &random)
            switch Double.random(in: 0..<1, using: &random) {
            case ..<0.35: try write(on: replicas[node])
            case ..<0.42: try delete(on: replicas[node])
            case ..<0.50: try resolve(on: replicas[node])
            default:
                let other = (node + Int.random(in: 1..<count, using: &random)) % count
                try exchange(from: replicas[other], to: replicas[node])
            }
        }
        for _ in 0..<2 {
            for receiver in replicas {
                for sender in replicas where sender !== receiver {
                    try receiver.apply(try sender.changesMissing(from: receiver, survey: Self.survey), survey: Self.survey)
                }
            }
        }
        let reference = try ConvergentState(replicas[0], survey: Self.survey)
        for (index, replica) in replicas.enumerated().dropFirst() {
            let state = try ConvergentState(replica, survey: Self.survey)
            #expect(state == reference, "seed \(seed): replica n\(index) diverged from n0\n--- n0\n\(reference)\n--- n\(index)\n\(state)")
        }
        for (index, replica) in replicas.enumerated() {
            try checkRowsHoldTheirLog(replica, index: index)
        }
    }

    /// Each record's row, whether it holds every entry or points at the record's first change,
    /// holds what applying the record's logged changes in log order gives: the same state, and
    /// the same `deleted` and `conflicted` columns.
    private func checkRowsHoldTheirLog(_ replica: Replica, index: Int) throws {
        var folded: [String: RecordState] = [:]
        for logged in try replica.changes(survey: Self.survey) {
            folded[logged.change.record, default: RecordState(id: logged.change.record, form: logged.change.form)].apply(logged.change)
        }
        try replica.read { db in
            let tables = ReplicaTables(db: db, survey: Self.survey)
            let rows = try Row.fetchAll(db, sql: "SELECT id, deleted, conflicted FROM record WHERE survey = ?", arguments: [Self.survey])
            #expect(Set(rows.map { $0["id"] as String }) == Set(folded.keys), "seed \(seed): n\(index) has a row for each record in its log")
            for row in rows {
                let id: String = row["id"]
                let expected = folded[id]
                #expect(try tables.loadRecord(id) == expected, "seed \(seed): n\(index) record \(id) is not its log")
                #expect(row["deleted"] == expected?.isDeleted && row["conflicted"] == expected?.hasConflicts,
                        "seed \(seed): n\(index) record \(id)'s columns are not its log's")
            }
        }
    }

    private mutating func randomValues() -> FieldInput {
        let fields = Self.fieldNames.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))
        return .values(Dictionary(uniqueKeysWithValues: fields.map { ($0, FieldValue.integer(Int64.random(in: 0...3, using: &random))) }))
    }

    private mutating func write(on replica: Replica) throws {
        let id = Self.recordIDs.randomElement(using: &random)!
        let values = randomValues()
        guard let record = try? replica.record(survey: Self.survey, id: id) else {
            try replica.addRecord(survey: Self.survey, form: "usaha", id: id, fields: values)
            return
        }
        if record.deleted {
            try replica.resolve(survey: Self.survey, record: id, resolution: .restore)
        } else {
            try replica.setFields(survey: Self.survey, record: id, fields: values)
        }
    }

    private mutating func delete(on replica: Replica) throws {
        let live = try replica.records(survey: Self.survey).filter { !$0.deleted }
        guard let record = live.randomElement(using: &random) else { return }
        try replica.deleteRecord(survey: Self.survey, record: record.id)
    }

    private mutating func resolve(on replica: Replica) throws {
        guard let conflict = try replica.conflicts(survey: Self.survey).randomElement(using: &random) else { return }
        let resolution: Replica.Resolution
        let deleted = try replica.record(survey: Self.survey, id: conflict.record).deleted
        switch conflict.field {
        case nil, FieldName.deleted?:
            resolution = random.chance(0.5) ? .restore : .delete
        case _ where deleted:
            resolution = random.chance(0.5) ? .restore : .delete
        case let field?:
            resolution = .fields(.values([field: .integer(Int64.random(in: 0...3, using: &random))]))
        }
        try replica.resolve(survey: Self.survey, record: conflict.record, resolution: resolution)
    }

    private mutating func exchange(from sender: Replica, to receiver: Replica) throws {
        let missing = try sender.changesMissing(from: receiver, survey: Self.survey)
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            try receiver.apply(try sender.changes(survey: Self.survey).map(\.change), survey: Self.survey)
        case 1 where !missing.isEmpty:
            try receiver.apply(Array(missing.prefix(Int.random(in: 1...missing.count, using: &random))), survey: Self.survey)
        case 2:
            try receiver.apply(missing, survey: Self.survey)
            let again = try ConvergentState(receiver, survey: Self.survey)
            try receiver.apply(missing, survey: Self.survey)
            #expect(try ConvergentState(receiver, survey: Self.survey) == again, "seed \(seed): a duplicated batch changed the replica")
        case 3:
            let bundle = try sender.exportBundle(survey: Self.survey, for: random.chance(0.5) ? receiver.node.id.rawValue : nil)
            _ = try receiver.importBundle(bundle.data)
        case 4 where Dictionary(grouping: missing, by: \.dot.origin).contains { $0.value.count >= 2 }:
            // Leave out the first missing change of an origin that has a later one in the batch.
            let origin = Dictionary(grouping: missing, by: \.dot.origin).first { $0.value.count >= 2 }!.key
            let skipped = missing.first { $0.dot.origin == origin }!
            let before = try ConvergentState(receiver, survey: Self.survey)
            let withGap = missing.filter { $0.dot != skipped.dot }
            #expect(throws: StoreError.self, "seed \(seed): a batch with a gap was accepted") {
                try receiver.apply(withGap, survey: Self.survey)
            }
            #expect(try ConvergentState(receiver, survey: Self.survey) == before, "seed \(seed): a refused batch changed the replica")
        default:
            try receiver.apply(missing, survey: Self.survey)
        }
    }
}
