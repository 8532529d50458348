public import SentraCore

/// The census form of the IKM konveksi survey in Kecamatan Cibarusah, Kabupaten Bekasi.
///
/// The office writes it in XLSForm: `Examples/ikm-konveksi/form.xlsx` (made by
/// `make_form_xlsx.py`). `form.json` is the same definition as JSON for `sentra form import`.
/// Tests keep the three equal.
public enum CensusForm {
    /// The survey's name.
    public static let survey = "ikm-konveksi-2024"

    /// The villages (desa) of Kecamatan Cibarusah.
    public static let desa = ["Cibarusah Kota", "Cibarusah Jaya", "Sindangmulya", "Ridogalih", "Ridomanah", "Sirnajati", "Wibawamulya"]
    public static let legalForms = legalFormChoices.map(\.name)
    public static let sectors = sectorChoices.map(\.name)
    public static let products = productChoices.map(\.name)
    public static let materialSources = materialSourceChoices.map(\.name)
    public static let markets = marketChoices.map(\.name)
    public static let revenueBands = revenueBandChoices.map(\.name)
    public static let permits = permitChoices.map(\.name)
    public static let halalStatuses = halalChoices.map(\.name)
    public static let assistance = assistanceChoices.map(\.name)

    /// The hamlets of `desa`, by name.
    public static func dusun(of desa: String) -> [String] {
        dusunChoices.filter { $0.columns["desa"] == desa }.map(\.name)
    }

    /// The form's sections: XLSForm groups, `tenaga_kerja` and `produksi` inside `usaha`.
    public static let sections = [
        FormSection(name: "identitas", label: text("Identitas usaha", "Business identity")),
        FormSection(name: "lokasi_usaha", label: text("Lokasi", "Location")),
        FormSection(name: "usaha", label: text("Kegiatan usaha", "Business activity")),
        FormSection(name: "tenaga_kerja", label: text("Tenaga kerja", "Workers"), parent: "usaha"),
        FormSection(name: "produksi", label: text("Produksi dan pemasaran", "Production and sales"), parent: "usaha"),
        FormSection(name: "perizinan", label: text("Perizinan", "Permits")),
        FormSection(name: "kunjungan", label: text("Kunjungan", "Visit")),
    ]

    static let workers = ". >= 0 and . <= 500"
    static let workersMessage = text("Jumlah pekerja 0 sampai 500", "The number of workers must be 0 to 500")

    /// The form definition. Version 1 keeps every field of the first census form, by name and
    /// type, so records written under it stay valid; the fields added since are not required.
    public static let usaha = FormDefinition(
        name: "usaha", title: "Pendataan IKM konveksi, Kecamatan Cibarusah", version: 1, defaultLanguage: indonesian, sections: sections,
        fields: [
            FieldDefinition(name: "pengantar", type: .note, label: text("Perkenalkan diri Anda dan jelaskan tujuan pendataan IKM konveksi.",
                                                                        "Introduce yourself and explain the purpose of the garment-maker census.")),
            FieldDefinition(name: "nama_usaha", type: .text, label: text("Nama usaha", "Business name"), required: true,
                            requiredMessage: text("Nama usaha wajib diisi", "The business name is required"), section: "identitas"),
            FieldDefinition(name: "pemilik", type: .text, label: text("Nama pemilik", "Owner's name"), required: true, section: "identitas"),
            FieldDefinition(name: "telepon", type: .text, label: text("Nomor telepon/WA", "Phone/WhatsApp number"), section: "identitas"),
            FieldDefinition(name: "nib", type: .text, label: text("NIB (Nomor Induk Berusaha)", "NIB (business identification number)"),
                            hint: text("13 digit, tertera di dokumen NIB dari OSS", "13 digits, printed on the NIB document from OSS"),
                            constraint: "regex(., '^[0-9]{13}$')", constraintMessage: text("NIB harus 13 digit", "NIB must be 13 digits"),
                            section: "identitas"),
            FieldDefinition(name: "bentuk_usaha", type: .choice, label: text("Bentuk usaha", "Legal form"), choices: legalFormChoices, section: "identitas"),
            FieldDefinition(name: "sektor", type: .choice, label: text("Sektor usaha", "Sector"), defaultValue: "sandang", choices: sectorChoices,
                            section: "identitas"),
            FieldDefinition(name: "alamat", type: .text, label: text("Alamat", "Address"), section: "lokasi_usaha"),
            FieldDefinition(name: "desa", type: .choice, label: text("Desa", "Village"), required: true, choices: desaChoices, section: "lokasi_usaha"),
            FieldDefinition(name: "dusun", type: .choice, label: text("Dusun/kampung", "Hamlet (dusun/kampung)"), choiceFilter: "desa = ${desa}",
                            choices: dusunChoices, section: "lokasi_usaha"),
            FieldDefinition(name: "lokasi", type: .geopoint, label: text("Titik GPS", "GPS location"),
                            hint: text("Ambil di depan tempat usaha", "Take it in front of the workshop"), section: "lokasi_usaha"),
            FieldDefinition(name: "tahun_mulai", type: .integer, label: text("Tahun mulai usaha", "Year the business started"),
                            constraint: ". >= 1950 and . <= 2025", constraintMessage: text("Tahun antara 1950 dan 2025", "A year from 1950 to 2025"),
                            section: "usaha"),
            FieldDefinition(name: "pekerja_laki", type: .integer, label: text("Pekerja laki-laki", "Male workers"), constraint: workers,
                            constraintMessage: workersMessage, section: "tenaga_kerja"),
            FieldDefinition(name: "pekerja_perempuan", type: .integer, label: text("Pekerja perempuan", "Female workers"), constraint: workers,
                            constraintMessage: workersMessage, section: "tenaga_kerja"),
            FieldDefinition(name: "total_pekerja", type: .calculate, label: text("Jumlah pekerja", "Total workers"),
                            calculation: "${pekerja_laki} + ${pekerja_perempuan}", section: "tenaga_kerja", policy: .lww),
            FieldDefinition(name: "produk", type: .multichoice, label: text("Produk", "Products"), choices: productChoices, section: "produksi"),
            FieldDefinition(name: "mesin_jahit", type: .integer, label: text("Mesin jahit biasa (high speed)", "Sewing machines (high speed)"), section: "produksi"),
            FieldDefinition(name: "mesin_obras", type: .integer, label: text("Mesin obras", "Overlock machines"), section: "produksi"),
            FieldDefinition(name: "mesin_overdeck", type: .integer, label: text("Mesin overdeck", "Coverstitch (overdeck) machines"), section: "produksi"),
            FieldDefinition(name: "mesin_bordir", type: .integer, label: text("Mesin bordir", "Embroidery machines"), section: "produksi"),
            FieldDefinition(name: "produksi_bulanan", type: .integer, label: text("Produksi per bulan (potong)", "Monthly output (pieces)"), section: "produksi"),
            FieldDefinition(name: "bahan_baku", type: .multichoice, label: text("Asal bahan baku", "Source of materials"), choices: materialSourceChoices,
                            section: "produksi"),
            FieldDefinition(name: "pemasaran", type: .multichoice, label: text("Saluran pemasaran", "Sales channels"), choices: marketChoices, section: "produksi"),
            FieldDefinition(name: "omzet_bulanan", type: .choice, label: text("Omzet per bulan", "Monthly turnover"), choices: revenueBandChoices, section: "produksi"),
            FieldDefinition(name: "izin", type: .multichoice, label: text("Izin yang dimiliki", "Permits held"), choices: permitChoices, section: "perizinan"),
            FieldDefinition(name: "sertifikat_halal", type: .choice, label: text("Sertifikat halal (produk pangan)", "Halal certificate (food products)"),
                            relevant: "${sektor} = 'pangan'", choices: halalChoices, section: "perizinan"),
            FieldDefinition(name: "bantuan", type: .multichoice, label: text("Bantuan yang dibutuhkan", "Assistance needed"), choices: assistanceChoices,
                            section: "kunjungan"),
            FieldDefinition(name: "tanggal_kunjungan", type: .date, label: text("Tanggal kunjungan", "Date of visit"), section: "kunjungan"),
            FieldDefinition(name: "catatan", type: .text, label: text("Catatan enumerator", "Enumerator's notes"), section: "kunjungan", policy: .lww),
        ])
}
