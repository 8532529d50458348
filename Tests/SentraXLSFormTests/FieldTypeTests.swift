import SentraCore
import SentraXLSForm
import Testing

/// Each survey type of the subset becomes its Sentra field (Fixtures/all_types.xlsx).
@Suite struct FieldTypeTests {
    static let desa: [Choice] = [Choice("sindangmulya", label: "Sindangmulya"), Choice("ridogalih", label: "Ridogalih")]
    static let expected: [FieldDefinition] = [
        FieldDefinition(name: "nama", type: .text, label: "Nama", hint: "Nama lengkap", required: true, requiredMessage: "Nama wajib diisi"),
        FieldDefinition(name: "umur", type: .integer, label: "Umur", constraint: ". >= 0 and . <= 120", constraintMessage: "0 sampai 120",
                        defaultValue: "30"),
        FieldDefinition(name: "luas", type: .decimal, label: "Luas (m²)", defaultValue: "12.5"),
        FieldDefinition(name: "tanggal", type: .date, label: "Tanggal kunjungan", defaultValue: "2024-07-01"),
        FieldDefinition(name: "desa", type: .choice, label: "Desa", required: true, choices: desa),
        FieldDefinition(name: "dusun", type: .choice, label: "Dusun", choiceFilter: "desa = ${desa}", choices: [
            Choice("kp-cikadu", label: "Kp. Cikadu", columns: ["desa": "sindangmulya"]),
            Choice("kp-pasir", label: "Kp. Pasir", columns: ["desa": "ridogalih"]),
        ]),
        FieldDefinition(name: "produk", type: .multichoice, label: "Produk", choices: [
            Choice("kaos", label: "Kaos"), Choice("1", label: "Nomor satu"), Choice("2", label: "Nomor dua"),
        ]),
        FieldDefinition(name: "lokasi", type: .geopoint, label: "Titik GPS", policy: .lww),
        FieldDefinition(name: "info", type: .note, label: "Terima kasih"),
        FieldDefinition(name: "dua_kali", type: .calculate, calculation: "${umur} * 2"),
        FieldDefinition(name: "catatan", type: .text, label: "Catatan", relevant: "${umur} > 17"),
        FieldDefinition(name: "jumlah", type: .integer, label: "Jumlah", defaultValue: "1"),
    ]

    @Test func theWholeForm() throws {
        let form = try Fixture.form("all_types")
        #expect(form == FormDefinition(name: "semua_tipe", title: "Semua tipe", version: 3, fields: Self.expected))
    }

    @Test(arguments: [
        ("text", "nama"), ("integer", "umur"), ("decimal", "luas"), ("date", "tanggal"), ("select_one", "desa"),
        ("select_multiple", "produk"), ("geopoint", "lokasi"), ("note", "info"), ("calculate", "dua_kali"),
    ])
    func type(_ xlsType: String, field: String) throws {
        let form = try Fixture.form("all_types")
        #expect(form.field(field) == Self.expected.first { $0.name == field }, "type \(xlsType)")
    }

    @Test func selectOneTakesItsListsChoicesInOrder() throws {
        let form = try Fixture.form("all_types")
        #expect(form.field("desa")?.type == .choice)
        #expect(form.field("desa")?.choices == Self.desa)
    }

    @Test func numberCellsAsChoiceNamesAreWholeNumbers() throws {
        // 1 and 2.0 written as numbers are the names "1" and "2".
        #expect(try Fixture.form("all_types").field("produk")?.choices?.map(\.name) == ["kaos", "1", "2"])
    }

    @Test func emptyRowsAreSkipped() throws {
        // Row 13 is empty; jumlah on row 14 is the last field.
        #expect(try Fixture.form("all_types").fields.last?.name == "jumlah")
    }
}
