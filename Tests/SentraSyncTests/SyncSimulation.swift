import Foundation
import SentraCore
import SentraServer
import SentraStore
import SentraSync
import SentraTestSupport
import Testing

/// A seeded run of a central node and 2 to 4 devices syncing through an in-memory transport that
/// drops requests, loses responses after the peer applied them, duplicates and delivers late.
/// Devices also sync with each other. The central node, and in half the runs one office laptop,
/// review records; devices mark the records with issues they edit. At the end, after syncs without
/// faults, all must be equal.
///
/// The central node is a SQLite replica reached in memory, or with ``CentralStore/postgres`` a
/// PostgreSQL node served over loopback HTTP, reached through the same fault plan.
struct SyncSimulation {
    static let survey = "sim"
    let seed: UInt64
    let store: CentralStore
    private var random: SeededGenerator
    private let directory = TemporaryDirectory()
    /// Node 0 is the central node (``central``); the others are devices.
    private var nodes: [Replica?] = []
    private var central: SimulatedCentral?
    private var offices: Set<Int> = [0]

    init(seed: UInt64, store: CentralStore = .sqlite) {
        self.seed = seed
        self.store = store
        random = SeededGenerator(seed: seed)
    }

    mutating func run() async throws {
        let count = Int.random(in: 3...5, using: &random)
        for index in 0..<count {
            let id = testNodeID(index, &random)
            if index == 0 && store == .postgres {
                nodes.append(nil)
                central = try await SimulatedCentral(postgresNamed: "central", survey: Self.survey, nodeID: id)
                continue
            }
            nodes.append(try Replica.create(at: directory.path("n\(index).db"), name: index == 0 ? "central" : "device-\(index)",
                                            survey: Self.survey, nodeID: id))
        }
        if central == nil {
            try nodes[0]!.setOffice(true)
            central = SimulatedCentral(replica: nodes[0]!)
        }
        let central = self.central!
        defer { central.stop() }
        if random.chance(0.5) {
            try nodes[1]!.setOffice(true)
            offices.insert(1)
        }
        for index in 1..<count { try await central.enrol(nodes[index]!, office: offices.contains(index), survey: Self.survey) }
        for _ in 0..<Int.random(in: 30...60, using: &random) {
            let index = Int.random(in: 0..<count, using: &random)
            if random.chance(0.55) {
                try await write(on: index == 0 ? central.storage : ReplicaStorage(replica: nodes[index]!), office: offices.contains(index))
            } else {
                let device = Int.random(in: 1..<count, using: &random)
                let peer = random.chance(0.8) ? 0 : Int.random(in: 1..<count, using: &random)
                guard device != peer else { continue }
                let faults = InMemoryTransport.Faults(dropRequest: 0.1, loseResponse: 0.15, duplicate: 0.1, deliverLate: 0.1, seed: random.next())
                try await syncUntilDone(nodes[device]!, with: peer, central: central, faults: faults)
            }
        }
        for _ in 0..<2 {
            for device in nodes.dropFirst() { try await syncUntilDone(device!, with: 0, central: central, faults: nil) }
        }
        let reference = try await fingerprint(central.storage, survey: Self.survey)
        for (index, node) in nodes.enumerated().dropFirst() {
            let state = try await fingerprint(ReplicaStorage(replica: node!), survey: Self.survey)
            #expect(state == reference, "seed \(seed) (\(store)): node \(index) diverged from central\n--- central\n\(reference)\n--- node \(index)\n\(state)")
        }
    }

    /// Syncs until one sync completes; faults make earlier attempts fail part way.
    private mutating func syncUntilDone(_ device: Replica, with peer: Int, central: SimulatedCentral, faults: InMemoryTransport.Faults?) async throws {
        for attempt in 0..<30 {
            let plan = attempt < 20 ? (faults ?? .init()) : .init()
            let transport = peer == 0 ? try central.transport(for: device, faults: plan) : InMemoryTransport(peer: nodes[peer]!, faults: plan)
            let driver = SyncDriver(replica: device, transport: transport,
                                    configuration: .init(pushBatch: Int.random(in: 1...4, using: &random), pullBatch: Int.random(in: 1...4, using: &random)))
            do {
                _ = try await driver.sync(survey: Self.survey)
                return
            } catch is InMemoryTransport.InjectedFault {
                continue
            } catch let error as SyncError where error.code == .unreachable && store == .postgres {
                Issue.record("seed \(seed): the PostgreSQL node did not answer: \(error)")
                return
            }
        }
        Issue.record("seed \(seed): a sync never completed")
    }

    private mutating func write(on node: any CentralStorage, office: Bool) async throws {
        let id = "r\(Int.random(in: 0..<5, using: &random))"
        let values = FieldInput.values([["a", "b", "c"].randomElement(using: &random)!: .integer(Int64.random(in: 0...3, using: &random))])
        guard let record = try? await node.record(survey: Self.survey, id: id) else {
            _ = try await node.addRecord(survey: Self.survey, form: "usaha", id: id, fields: values, schemaless: false)
            return
        }
        let reviewConflict = record.conflicts.contains { $0.field == FieldName.review }
        if office, !record.deleted, reviewConflict || random.chance(0.25) {
            let state = [ReviewState.hasIssues, .hasIssues, .approved, .rejected].randomElement(using: &random)!
            _ = try await node.setReview(survey: Self.survey, record: id, review: Review(state: state, note: random.chance(0.5) ? "cek lagi" : ""))
        } else if record.deleted {
            _ = try await node.resolve(survey: Self.survey, record: id, resolution: random.chance(0.5) ? .restore : .delete)
        } else if random.chance(0.15) {
            _ = try await node.deleteRecord(survey: Self.survey, record: id)
        } else if let conflict = record.conflicts.first, conflict.field == FieldName.deleted {
            _ = try await node.resolve(survey: Self.survey, record: id, resolution: random.chance(0.5) ? .restore : .delete)
        } else if let conflict = record.conflicts.first(where: { $0.field != FieldName.review }), let field = conflict.field, random.chance(0.5) {
            _ = try await node.resolve(survey: Self.survey, record: id, resolution: .fields(.values([field: .integer(9)])))
        } else {
            _ = try await node.setFields(survey: Self.survey, record: id, fields: values)
        }
    }
}

/// At least 300 seeds in CI; `SENTRA_SYNC_SEEDS=N` for more, `SENTRA_SYNC_SEED=S` to replay one, and
/// `SENTRA_SYNC_CENTRAL=postgres` to run them all with a PostgreSQL central node over HTTP. CI also
/// runs a few seeds with PostgreSQL whatever the flag (`SENTRA_SYNC_POSTGRES_SEEDS`, 8 by default).
@Suite struct SyncSimulationTests {
    static let environment = ProcessInfo.processInfo.environment

    static let seeds: [UInt64] = {
        if let one = environment["SENTRA_SYNC_SEED"].flatMap(UInt64.init) { return [one] }
        return Array(0..<(environment["SENTRA_SYNC_SEEDS"].flatMap(UInt64.init) ?? 300))
    }()

    static let store = environment["SENTRA_SYNC_CENTRAL"].flatMap(CentralStore.init(rawValue:)) ?? .sqlite

    static let postgresSeeds: [UInt64] = {
        if let one = environment["SENTRA_SYNC_SEED"].flatMap(UInt64.init) { return [one] }
        return Array(0..<(environment["SENTRA_SYNC_POSTGRES_SEEDS"].flatMap(UInt64.init) ?? 8))
    }()

    @Test("devices converge through a faulty transport", arguments: seeds)
    func converges(seed: UInt64) async throws {
        await Self.simulate(seed: seed, store: Self.store)
    }

    @Test("devices converge with a PostgreSQL central node over HTTP through a faulty transport", arguments: postgresSeeds)
    func convergesWithPostgreSQL(seed: UInt64) async throws {
        await Self.simulate(seed: seed, store: .postgres)
    }

    static func simulate(seed: UInt64, store: CentralStore) async {
        await SimulationSlots.shared.run {
            var simulation = SyncSimulation(seed: seed, store: store)
            do {
                try await simulation.run()
            } catch {
                Issue.record("seed \(seed) on \(store) failed (replay with SENTRA_SYNC_SEED=\(seed) SENTRA_SYNC_CENTRAL=\(store)): \(error)")
            }
        }
    }
}
