import IKMKonveksi
import SentraCore

/// A long history of census work as changes ready to apply: enumerators create 40-field
/// records and revisit them, each revisit setting two fields. One change in twenty is a new
/// record, so a central node can hold a million changes in a few hundred megabytes.
struct SyntheticHistory {
    private var generator: CensusGenerator
    private var random: SeededGenerator
    private let origins: [NodeID]
    private var counters: [Int]
    /// Per origin, its records and the last of its counters that touched each.
    private var records: [[(id: String, last: Int)]]
    private var next = 0
    private var clock: Int64 = 1_722_470_400_000

    init(seed: UInt64, enumerators: Int = 20) {
        generator = CensusGenerator(seed: seed)
        var random = SeededGenerator(seed: seed ^ 0xed17)
        origins = (0..<enumerators).map { _ in NodeID.random(using: &random) }
        self.random = random
        counters = Array(repeating: 0, count: enumerators)
        records = Array(repeating: [], count: enumerators)
    }

    /// The next `count` changes, round robin over the enumerators.
    mutating func take(_ count: Int) -> [Change] {
        (0..<count).map { _ in nextChange() }
    }

    private mutating func nextChange() -> Change {
        let origin = next
        next = (next + 1) % origins.count
        counters[origin] += 1
        clock += 1
        let counter = counters[origin]
        let dot = Dot(origin: origins[origin], counter: counter)
        let hlc = HybridTimestamp(physical: clock, logical: 0)
        let form = CensusForm.usahaLengkap.name
        if records[origin].isEmpty || random.chance(0.05) {
            let id = RecordID.uuidV7(milliseconds: clock, using: &random)
            records[origin].append((id, counter))
            return Change(dot: dot, hlc: hlc, record: id, form: form, context: VersionVector(), operation: .assign(generator.nextLengkap()))
        }
        let index = Int.random(in: 0..<records[origin].count, using: &random)
        let (id, last) = records[origin][index]
        records[origin][index].last = counter
        let visit = "2024-\(Int.random(in: 7...12, using: &random))-\(Int.random(in: 10...28, using: &random))"
        return Change(dot: dot, hlc: hlc, record: id, form: form, context: VersionVector([origins[origin]: last]),
                      operation: .assign(["produksi_bulanan": .integer(Int64(Int.random(in: 300...20_000, using: &random))),
                                          "tanggal_kunjungan": .string(visit)]))
    }
}
