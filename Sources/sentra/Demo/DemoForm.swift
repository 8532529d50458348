import SentraCore

/// The census form the demo uses: a short version of Examples/forms/usaha.json.
enum DemoForm {
    static let desa = ["Cibarusah Kota", "Cibarusah Jaya", "Sindangmulya", "Ridogalih", "Ridomanah", "Sirnajati", "Wibawamulya"]
    static let produk = ["kaos", "kemeja", "seragam sekolah", "celana", "jaket", "hijab/busana muslim"]

    static let usaha = FormDefinition(name: "usaha", title: "Pendataan IKM konveksi, Kecamatan Cibarusah", fields: [
        FieldDefinition(name: "nama_usaha", type: .text, label: "Nama usaha", required: true),
        FieldDefinition(name: "pemilik", type: .text, label: "Nama pemilik"),
        FieldDefinition(name: "telepon", type: .text, label: "Nomor telepon"),
        FieldDefinition(name: "desa", type: .choice, label: "Desa", choices: desa),
        FieldDefinition(name: "jumlah_pekerja", type: .integer, label: "Jumlah pekerja"),
        FieldDefinition(name: "produk", type: .multichoice, label: "Produk", choices: produk),
        FieldDefinition(name: "catatan", type: .text, label: "Catatan enumerator", policy: .lww),
    ])
}
