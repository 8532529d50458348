public import SentraCore

extension CensusGenerator {
    /// The next record for ``CensusForm/usahaLengkap``, with the long form's fields filled: every workshop
    /// in it has an NIB and a note, and a monthly output that swings with the Lebaran season.
    public mutating func nextLengkap() -> [String: FieldValue] {
        var record = next()
        if record["nib"] == nil {
            record["nib"] = .string(String(Int.random(in: 1_000_000_000_000...9_999_999_999_999, using: &random)))
        }
        if record["catatan"] == nil { record["catatan"] = .string(random.pick(["tidak ada", "pemilik sedang ke pasar", "data dari istri pemilik"])) }
        guard case .integer(let monthly)? = record["produksi_bulanan"] else { return record }
        for (index, month) in CensusForm.months.enumerated() {
            let season = index == 2 || index == 3 ? 1.6 : 1.0
            let output = Double(monthly) * season * Double(Int.random(in: 70...130, using: &random)) / 100
            record["produksi_\(month)"] = .integer(Int64(output))
        }
        record["jam_kerja_harian"] = .integer(Int64(Int.random(in: 7...12, using: &random)))
        record["upah_harian"] = .integer(Int64(Int.random(in: 60...150, using: &random) * 1_000))
        record["luas_tempat"] = .number(Double(Int.random(in: 120...2_000, using: &random)) / 10)
        record["daya_listrik"] = .string(random.pick(CensusForm.powerSupply))
        return record
    }
}
