import Foundation
import Testing
@testable import SentraStore

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let text = "\u{FEFF}id,nama,catatan\r\nk1,\"Maju, Jaya\",\"kata \"\"bagus\"\"\"\r\nk2,\"dua\r\nbaris\",\"lf\nsaja\"\nk3,,\"\"\n"
        let rows = try CSVReader.rows(in: Data(text.utf8))
        #expect(rows == [
            CSVReader.Row(line: 1, fields: ["id", "nama", "catatan"]),
            CSVReader.Row(line: 2, fields: ["k1", "Maju, Jaya", "kata \"bagus\""]),
            CSVReader.Row(line: 3, fields: ["k2", "dua\r\nbaris", "lf\nsaja"]),
            CSVReader.Row(line: 6, fields: ["k3", "", ""]),
        ])
    }

    @Test func skipsEmptyLinesAndReadsALastLineWithoutLineEnd() throws {
        let rows = try CSVReader.rows(in: Data("a,b\n\nx,y\r\n\r\n1,2".utf8))
        #expect(rows == [
            CSVReader.Row(line: 1, fields: ["a", "b"]),
            CSVReader.Row(line: 3, fields: ["x", "y"]),
            CSVReader.Row(line: 5, fields: ["1", "2"]),
        ])
        #expect(try CSVReader.rows(in: Data()).isEmpty)
    }

    @Test func keepsAQuoteInsideAnUnquotedField() throws {
        #expect(try CSVReader.rows(in: Data("mesin 5\" jahit,b\n".utf8)).first?.fields == ["mesin 5\" jahit", "b"])
    }

    @Test func refusesAnUnterminatedQuoteNamingTheLineItOpensOn() {
        let error = #expect(throws: StoreError.self) {
            try CSVReader.rows(in: Data("a,b\nk1,ok\nk2,\"never\nclosed\n".utf8))
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.hasPrefix("line 3:") == true)
    }

    @Test func refusesTextAfterAClosingQuote() {
        let error = #expect(throws: StoreError.self) {
            try CSVReader.rows(in: Data("a,b\n\"x\"y,z\n".utf8))
        }
        #expect(error?.message.hasPrefix("line 2:") == true)
    }

    @Test func refusesBytesThatAreNotUTF8() {
        var data = Data("a\n".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0x0A])
        let error = #expect(throws: StoreError.self) { try CSVReader.rows(in: data) }
        #expect(error?.message.hasPrefix("line 2:") == true)
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatMustBeQuoted() {
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("") == "")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.escape("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(CSVWriter.escape(" padded") == "\" padded\"")
        #expect(CSVWriter.escape("padded ") == "\"padded \"")
    }

    @Test func writesCRLFRowsThatReadBack() throws {
        let rows = [["id", "nama"], ["k1", "Konveksi \"Maju\", Cibarusah"], ["k2", " dua\r\nbaris "], ["k3", ""]]
        var writer = CSVWriter()
        for row in rows { writer.append(row) }
        #expect(writer.text.hasPrefix("id,nama\r\nk1,\"Konveksi \"\"Maju\"\", Cibarusah\"\r\n"))
        #expect(writer.text.hasSuffix("k3,\r\n"))
        #expect(try CSVReader.rows(in: writer.data).map(\.fields) == rows)
    }
}
