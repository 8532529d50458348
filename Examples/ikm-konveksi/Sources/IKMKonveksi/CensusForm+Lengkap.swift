public import SentraCore

extension CensusForm {
    /// The months of the year, as the long form names its monthly output fields (`produksi_jan`…).
    public static let months = ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"]
    public static let powerSupply = ["450 VA", "900 VA", "1300 VA", "2200 VA", "3500 VA atau lebih"]

    /// The long form: ``usaha``'s fields and sections, and 16 more fields: the workshop's output in
    /// each month of the last year, its working hours, wages, floor area and power supply. The
    /// benchmark writes these records.
    public static let usahaLengkap = FormDefinition(
        name: "usaha_lengkap", title: "Pendataan IKM konveksi, formulir lengkap", defaultLanguage: usaha.defaultLanguage, sections: usaha.sections,
        fields: usaha.fields
            + months.map { FieldDefinition(name: "produksi_\($0)", type: .integer, label: LocalizedText("Produksi bulan \($0) (potong)")) }
            + [
                FieldDefinition(name: "jam_kerja_harian", type: .integer, label: "Jam kerja per hari"),
                FieldDefinition(name: "upah_harian", type: .integer, label: "Upah harian rata-rata (rupiah)"),
                FieldDefinition(name: "luas_tempat", type: .decimal, label: "Luas tempat usaha (m²)"),
                FieldDefinition(name: "daya_listrik", type: .choice, label: "Daya listrik", choices: powerSupply.map { Choice($0) }),
            ])
}
