import SentraCore
import SentraXLSForm
import Testing

/// Each survey column of the subset sets its property (Fixtures/all_types.xlsx).
@Suite struct ColumnTests {
    let form: FormDefinition

    init() throws { form = try Fixture.form("all_types") }

    @Test func typeAndName() {
        #expect(form.fields.map(\.name) == ["nama", "umur", "luas", "tanggal", "desa", "dusun", "produk", "lokasi", "info", "dua_kali", "catatan", "jumlah"])
        #expect(form.fields.map(\.type) == [.text, .integer, .decimal, .date, .choice, .choice, .multichoice, .geopoint, .note, .calculate, .text, .integer])
    }

    @Test func label() {
        #expect(form.field("nama")?.label == "Nama")
        #expect(form.field("dua_kali")?.label == nil)
    }

    @Test func hint() {
        #expect(form.field("nama")?.hint == "Nama lengkap")
        #expect(form.field("umur")?.hint == nil)
    }

    @Test func requiredInEachSpelling() {
        #expect(form.field("nama")?.required == true)  // yes
        #expect(form.field("desa")?.required == true)  // TRUE, a boolean cell
        #expect(form.field("catatan")?.required == false)  // no
        #expect(form.field("jumlah")?.required == false)  // 0, a number cell
        #expect(form.field("umur")?.required == false)  // empty
    }

    @Test func requiredMessage() {
        #expect(form.field("nama")?.requiredMessage == "Nama wajib diisi")
    }

    @Test func constraintAndItsMessage() {
        #expect(form.field("umur")?.constraint == ". >= 0 and . <= 120")
        #expect(form.field("umur")?.constraintMessage == "0 sampai 120")
    }

    @Test func relevant() {
        #expect(form.field("catatan")?.relevant == "${umur} > 17")
    }

    @Test func defaultOfEachKindOfCell() {
        #expect(form.field("umur")?.defaultValue == "30")  // a whole number
        #expect(form.field("luas")?.defaultValue == "12.5")  // a decimal
        #expect(form.field("tanggal")?.defaultValue == "2024-07-01")  // a date cell
        #expect(form.field("jumlah")?.defaultValue == "1")  // 1.0
    }

    @Test func choiceFilter() {
        #expect(form.field("dusun")?.choiceFilter == "desa = ${desa}")
    }

    @Test func calculation() {
        #expect(form.field("dua_kali")?.calculation == "${umur} * 2")
    }

    @Test func appearanceIsIgnored() {
        #expect(form.field("produk") == FieldTypeTests.expected.first { $0.name == "produk" })
    }

    @Test func policy() {
        #expect(form.field("lokasi")?.policy == .lww)
        #expect(form.field("nama")?.policy == .flag)
    }

    @Test func anEmptyColumnOutsideTheSubsetIsAllowed() throws {
        // all_types.xlsx has a guidance_hint column with no value in it; other sheets are ignored.
        #expect(form.fields.count == 12)
    }
}
