public import SentraCore

/// Plausible census records from a seed: Indonesian names, the villages and hamlets of Cibarusah,
/// small workshops with believable workers, machines and output. The same seed gives the same
/// records, and every record meets the form's constraints: an NIB of 13 digits or none, 0 to 500
/// workers of each sex, a start year from 1950 to 2025, a dusun of the record's desa, and a halal
/// status only for a food producer.
///
/// ```swift
/// var generator = CensusGenerator(seed: 2024)
/// let record = generator.next()   // ["nama_usaha": "Konveksi Berkah Jaya", "desa": "Sindangmulya", …]
/// ```
public struct CensusGenerator: Sendable {
    var random: SeededGenerator
    private static let given = ["Siti", "Dewi", "Rina", "Agus", "Budi", "Yanti", "Asep", "Euis", "Dedi", "Nur", "Wawan", "Iis",
                                "Ujang", "Neneng", "Ade", "Rohmat", "Teti", "Cecep", "Lilis", "Hendra", "Yuli", "Dadang"]
    private static let family = ["Aminah", "Rahayu", "Saputra", "Hidayat", "Kurniawan", "Suryani", "Maulana", "Lestari",
                                 "Permana", "Setiawan", "Nurhayati", "Sopandi", "Wahyudi", "Fitriani"]
    private static let prefixes = ["Konveksi", "Jahit", "Garmen", "Busana", "Tailor", "Collection"]
    private static let names = ["Maju", "Berkah", "Sri Rejeki", "Mandiri", "Jaya", "Barokah", "Sejahtera", "Amanah", "Putri", "Sinar",
                                "Harapan", "Cahaya", "Mekar", "Indah"]
    private static let streets = ["Jl. Raya Cibarusah", "Jl. Raya Setu", "Jl. Pasar Cibarusah", "Kp. Babakan", "Kp. Cikarang Hilir", "Kp. Pangkalan"]

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// The next record's field values, valid for ``CensusForm/usaha``.
    public mutating func next() -> [String: FieldValue] {
        let workers = Int.random(in: 2...40, using: &random)
        let women = Int.random(in: workers / 3...workers, using: &random)
        let machines = max(1, workers - Int.random(in: 0...workers / 3, using: &random))
        var record: [String: FieldValue] = [
            "nama_usaha": .string("\(random.pick(Self.prefixes)) \(random.pick(Self.names))\(random.chance(0.4) ? " " + random.pick(Self.names) : "")"),
            "pemilik": .string("\(random.pick(Self.given)) \(random.pick(Self.family))"),
            "telepon": .string("08" + String(Int.random(in: 1_100_000_000...1_999_999_999, using: &random))),
            "bentuk_usaha": .string(random.chance(0.8) ? "perorangan" : random.pick(CensusForm.legalForms)),
            "alamat": .string("\(random.pick(Self.streets)) RT 0\(Int.random(in: 1...9, using: &random))/RW 0\(Int.random(in: 1...9, using: &random))"),
            "desa": .string(random.pick(CensusForm.desa)),
            "lokasi": .object(["lat": .number(Double(-64_300 + Int.random(in: -300...300, using: &random)) / 10_000),
                               "lon": .number(Double(1_070_700 + Int.random(in: -300...300, using: &random)) / 10_000)]),
            "tahun_mulai": .integer(Int64(Int.random(in: 1995...2024, using: &random))),
            "pekerja_laki": .integer(Int64(workers - women)),
            "pekerja_perempuan": .integer(Int64(women)),
            "produk": .array(pickSome(CensusForm.products, atLeast: 1, atMost: 3)),
            "mesin_jahit": .integer(Int64(machines)),
            "mesin_obras": .integer(Int64(max(1, machines / 4))),
            "mesin_overdeck": .integer(Int64(Int.random(in: 0...2, using: &random))),
            "mesin_bordir": .integer(Int64(random.chance(0.15) ? 1 : 0)),
            "produksi_bulanan": .integer(Int64(workers * Int.random(in: 150...600, using: &random))),
            "bahan_baku": .array(pickSome(CensusForm.materialSources, atLeast: 1, atMost: 2)),
            "pemasaran": .array(pickSome(CensusForm.markets, atLeast: 1, atMost: 3)),
            "omzet_bulanan": .string(CensusForm.revenueBands[min(4, workers / 9 + Int.random(in: 0...1, using: &random))]),
            "izin": .array(pickSome(CensusForm.permits, atLeast: 0, atMost: 3)),
            "bantuan": .array(pickSome(CensusForm.assistance, atLeast: 1, atMost: 3)),
            "tanggal_kunjungan": .string("2024-0\(Int.random(in: 7...9, using: &random))-\(10 + Int.random(in: 0...18, using: &random))"),
        ]
        if case .array(let permits)? = record["izin"], permits.contains(.string("NIB")) {
            record["nib"] = .string(String(Int.random(in: 1_000_000_000_000...9_999_999_999_999, using: &random)))
        }
        if random.chance(0.3) { record["catatan"] = .string(random.pick(["pemilik ramah", "usaha musiman menjelang lebaran", "butuh mesin baru", "lokasi sulit dijangkau"])) }
        // Drawn last, so that a seed gives the same values as before for the fields above.
        let sector = random.chance(0.85) ? "sandang" : random.pick(["pangan", "kerajinan", "lainnya"])
        record["sektor"] = .string(sector)
        // Halal certification is asked of food producers only (the field's relevant).
        if sector == "pangan" { record["sertifikat_halal"] = .string(random.pick(CensusForm.halalStatuses)) }
        // A hamlet of the record's own village (the field's choice_filter).
        if case .string(let desa)? = record["desa"], random.chance(0.9) { record["dusun"] = .string(random.pick(CensusForm.dusun(of: desa))) }
        return record
    }

    private mutating func pickSome(_ items: [String], atLeast: Int, atMost: Int) -> [FieldValue] {
        let count = Int.random(in: atLeast...atMost, using: &random)
        return Array(items.shuffled(using: &random).prefix(count)).sorted().map(FieldValue.string)
    }
}
