import SentraCore

/// Plausible census records from a seed: Indonesian names, villages of Cibarusah, small workshops.
struct DemoRecords {
    private var random: SeededGenerator
    private static let given = ["Siti", "Dewi", "Rina", "Agus", "Budi", "Yanti", "Asep", "Euis", "Dedi", "Nur", "Wawan", "Iis"]
    private static let family = ["Aminah", "Rahayu", "Saputra", "Hidayat", "Kurniawan", "Suryani", "Maulana", "Lestari"]
    private static let business = ["Konveksi", "Jahit", "Garmen", "Busana", "Tailor"]
    private static let name = ["Maju", "Berkah", "Sri Rejeki", "Mandiri", "Jaya", "Barokah", "Sejahtera", "Amanah"]

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func next() -> [String: FieldValue] {
        let owner = "\(pick(Self.given)) \(pick(Self.family))"
        let products = DemoForm.produk.filter { _ in random.chance(1.0 / 3) }
        return [
            "nama_usaha": .string("\(pick(Self.business)) \(pick(Self.name))"),
            "pemilik": .string(owner),
            "telepon": .string("08" + String(number(1_200_000_000...1_999_999_999))),
            "desa": .string(pick(DemoForm.desa)),
            "jumlah_pekerja": .integer(Int64(number(2...26))),
            "produk": .array((products.isEmpty ? ["kaos"] : products).map(FieldValue.string)),
        ]
    }

    private mutating func pick(_ items: [String]) -> String { random.pick(items) }

    private mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
}
