@testable import SentraXLSForm
import SentraCore
import Testing

/// Reading cells: kinds of cell that openpyxl does not write (Fixtures/cell_types.xlsx, written
/// part by part), cell references, numbers and date serials.
@Suite struct CellTests {
    @Test func cellKindsOtherWritersUse() throws {
        let form = try Fixture.form("cell_types")
        #expect(form == FormDefinition(name: "cell_types", fields: [
            // An inline " text " trimmed; a formula's string result; rich text without its phonetic run.
            FieldDefinition(name: "nama", type: .text, label: "Nama lengkap"),
            // An ISO date cell at midnight.
            FieldDefinition(name: "tanggal", type: .date, defaultValue: "2024-07-01"),
            // 2.024110101E9 is the whole number it shows.
            FieldDefinition(name: "kode", type: .integer, defaultValue: "2024110101"),
        ]))
    }

    @Test func cellReferences() {
        #expect(CellReference("A1") == CellReference(column: 1, row: 1))
        #expect(CellReference("Z9") == CellReference(column: 26, row: 9))
        #expect(CellReference("AB12") == CellReference(column: 28, row: 12))
        #expect(CellReference("XFD1048576") == CellReference(column: 16_384, row: 1_048_576))
        for bad in ["", "A", "12", "A0", "1A", "$A$1", "A1B", "XFE1"] { #expect(CellReference(bad) == nil, "\(bad)") }
        #expect(CellReference.letters(ofColumn: 1) == "A")
        #expect(CellReference.letters(ofColumn: 26) == "Z")
        #expect(CellReference.letters(ofColumn: 27) == "AA")
        #expect(CellReference.letters(ofColumn: 28) == "AB")
        #expect(CellReference.letters(ofColumn: 16_384) == "XFD")
    }

    @Test func numbersAsPeopleReadThem() {
        #expect(Worksheet.numberText("1", 1) == "1")
        #expect(Worksheet.numberText("1.0", 1) == "1")
        #expect(Worksheet.numberText("2024110101", 2_024_110_101) == "2024110101")
        #expect(Worksheet.numberText("2.024110101E9", 2_024_110_101) == "2024110101")
        #expect(Worksheet.numberText("12.5", 12.5) == "12.5")
        #expect(Worksheet.numberText("-3", -3) == "-3")
    }

    @Test func dateSerials() {
        let styles = CellStyles()
        #expect(styles.date(fromSerial: 45_474) == "2024-07-01")
        #expect(styles.date(fromSerial: 1) == "1900-01-01")
        #expect(styles.date(fromSerial: 61) == "1900-03-01")
        #expect(styles.date(fromSerial: 45_474.5) == "2024-07-01T12:00:00")
        #expect(styles.date(fromSerial: -1) == nil)
        var mac = CellStyles()
        mac.date1904 = true
        #expect(mac.date(fromSerial: 0) == "1904-01-01")
    }

    @Test func dateFormats() {
        for code in ["yyyy-mm-dd", "d/m/yy", "dd mmm yyyy h:mm", "[$-421]d mmmm yyyy"] { #expect(CellStyles.isDate(code), "\(code)") }
        for code in ["0.00", "#,##0", "h:mm:ss", "\"day\" 0", "[Red]0", "\\d0"] { #expect(!CellStyles.isDate(code), "\(code)") }
    }
}
