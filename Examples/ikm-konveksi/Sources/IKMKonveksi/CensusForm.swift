public import SentraCore

/// The census form of the IKM konveksi survey in Kecamatan Cibarusah, Kabupaten Bekasi.
///
/// `Examples/ikm-konveksi/form.json` is the same definition as a file for `sentra form import`; a
/// test keeps the two equal.
public enum CensusForm {
    /// The survey's name.
    public static let survey = "ikm-konveksi-2024"

    /// The villages (desa) of Kecamatan Cibarusah.
    public static let desa = ["Cibarusah Kota", "Cibarusah Jaya", "Sindangmulya", "Ridogalih", "Ridomanah", "Sirnajati", "Wibawamulya"]
    public static let legalForms = ["perorangan", "CV", "PT", "koperasi", "UD"]
    public static let products = ["kaos", "kemeja", "seragam sekolah", "celana", "jaket", "hijab/busana muslim", "gamis", "pakaian anak", "mukena"]
    public static let materialSources = ["Tanah Abang", "Cigondewah Bandung", "pemasok lokal", "pesan online", "dari pemesan"]
    public static let markets = ["Tanah Abang", "Tasikmalaya", "pasar lokal", "online", "pesanan sekolah/instansi"]
    public static let revenueBands = ["< 5 juta", "5-15 juta", "15-50 juta", "50-100 juta", "> 100 juta"]
    public static let permits = ["NIB", "halal", "PIRT", "SNI"]
    public static let assistance = ["modal", "peralatan", "pelatihan", "pemasaran", "perizinan"]

    /// The form definition.
    public static let usaha = FormDefinition(name: "usaha", title: "Pendataan IKM konveksi, Kecamatan Cibarusah", fields: [
        FieldDefinition(name: "nama_usaha", type: .text, label: "Nama usaha", required: true),
        FieldDefinition(name: "pemilik", type: .text, label: "Nama pemilik", required: true),
        FieldDefinition(name: "telepon", type: .text, label: "Nomor telepon/WA"),
        FieldDefinition(name: "nib", type: .text, label: "NIB (Nomor Induk Berusaha)"),
        FieldDefinition(name: "bentuk_usaha", type: .choice, label: "Bentuk usaha", choices: legalForms.map { Choice($0) }),
        FieldDefinition(name: "alamat", type: .text, label: "Alamat"),
        FieldDefinition(name: "desa", type: .choice, label: "Desa", required: true, choices: desa.map { Choice($0) }),
        FieldDefinition(name: "lokasi", type: .geopoint, label: "Titik GPS"),
        FieldDefinition(name: "tahun_mulai", type: .integer, label: "Tahun mulai usaha"),
        FieldDefinition(name: "pekerja_laki", type: .integer, label: "Pekerja laki-laki"),
        FieldDefinition(name: "pekerja_perempuan", type: .integer, label: "Pekerja perempuan"),
        FieldDefinition(name: "produk", type: .multichoice, label: "Produk", choices: products.map { Choice($0) }),
        FieldDefinition(name: "mesin_jahit", type: .integer, label: "Mesin jahit biasa (high speed)"),
        FieldDefinition(name: "mesin_obras", type: .integer, label: "Mesin obras"),
        FieldDefinition(name: "mesin_overdeck", type: .integer, label: "Mesin overdeck"),
        FieldDefinition(name: "mesin_bordir", type: .integer, label: "Mesin bordir"),
        FieldDefinition(name: "produksi_bulanan", type: .integer, label: "Produksi per bulan (potong)"),
        FieldDefinition(name: "bahan_baku", type: .multichoice, label: "Asal bahan baku", choices: materialSources.map { Choice($0) }),
        FieldDefinition(name: "pemasaran", type: .multichoice, label: "Saluran pemasaran", choices: markets.map { Choice($0) }),
        FieldDefinition(name: "omzet_bulanan", type: .choice, label: "Omzet per bulan", choices: revenueBands.map { Choice($0) }),
        FieldDefinition(name: "izin", type: .multichoice, label: "Izin yang dimiliki", choices: permits.map { Choice($0) }),
        FieldDefinition(name: "bantuan", type: .multichoice, label: "Bantuan yang dibutuhkan", choices: assistance.map { Choice($0) }),
        FieldDefinition(name: "tanggal_kunjungan", type: .date, label: "Tanggal kunjungan"),
        FieldDefinition(name: "catatan", type: .text, label: "Catatan enumerator", policy: .lww),
    ])
}
