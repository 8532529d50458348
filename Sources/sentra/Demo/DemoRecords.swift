import SentraCore

/// Plausible census records from a seed: Indonesian names, villages of Cibarusah, small workshops.
struct DemoRecords {
    private var state: UInt64
    private static let given = ["Siti", "Dewi", "Rina", "Agus", "Budi", "Yanti", "Asep", "Euis", "Dedi", "Nur", "Wawan", "Iis"]
    private static let family = ["Aminah", "Rahayu", "Saputra", "Hidayat", "Kurniawan", "Suryani", "Maulana", "Lestari"]
    private static let business = ["Konveksi", "Jahit", "Garmen", "Busana", "Tailor"]
    private static let name = ["Maju", "Berkah", "Sri Rejeki", "Mandiri", "Jaya", "Barokah", "Sejahtera", "Amanah"]

    init(seed: UInt64) { state = seed }

    mutating func next() -> [String: FieldValue] {
        let owner = "\(pick(Self.given)) \(pick(Self.family))"
        let products = DemoForm.produk.filter { _ in random() % 3 == 0 }
        return [
            "nama_usaha": .string("\(pick(Self.business)) \(pick(Self.name))"),
            "pemilik": .string(owner),
            "telepon": .string("08" + String(1_200_000_000 + random() % 800_000_000)),
            "desa": .string(pick(DemoForm.desa)),
            "jumlah_pekerja": .integer(Int64(2 + random() % 25)),
            "produk": .array((products.isEmpty ? ["kaos"] : products).map(FieldValue.string)),
        ]
    }

    private mutating func pick(_ items: [String]) -> String { items[Int(random() % UInt64(items.count))] }

    /// SplitMix64.
    private mutating func random() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
