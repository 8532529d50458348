import Foundation
import IKMKonveksi
import SentraCore
import SentraXLSForm
import Testing

/// The census example's form.xlsx, form.json and CensusForm.usaha are one form, and the census
/// generator writes records that meet its constraints.
@Suite struct CensusFormTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/ikm-konveksi")

    @Test func formXLSXIsTheCensusForm() throws {
        let form = try XLSForm.read(Data(contentsOf: Self.folder.appendingPathComponent("form.xlsx")), source: "form.xlsx")
        #expect(form == CensusForm.usaha)
        for field in CensusForm.usaha.fields where form.field(field.name) != field {
            Issue.record("field \(field.name) differs: \(String(describing: form.field(field.name)))")
        }
        try CensusForm.usaha.validate()
        try CensusForm.usahaLengkap.validate()
    }

    /// form.json is CensusForm.usaha encoded as `sentra form show` prints it. Run with
    /// SENTRA_UPDATE_FORM_JSON=1 to write it anew after changing the form.
    @Test func formJSONIsTheCensusFormEncoded() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(CensusForm.usaha), as: UTF8.self) + "\n"
        let url = Self.folder.appendingPathComponent("form.json")
        if ProcessInfo.processInfo.environment["SENTRA_UPDATE_FORM_JSON"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test func everyTextIsInBothLanguages() {
        let languages = [CensusForm.english, CensusForm.indonesian]
        for section in CensusForm.usaha.sections { #expect(section.label?.languages == languages, "section \(section.name)") }
        for field in CensusForm.usaha.fields {
            #expect(field.label?.languages == languages, "field \(field.name)")
            for choice in field.choices ?? [] { #expect(choice.label?.languages == languages, "choice \(choice.name) of \(field.name)") }
        }
    }

    @Test func generatedRecordsMeetTheConstraints() throws {
        var generator = CensusGenerator(seed: 11)
        var sectors = Set<String>()
        for _ in 0..<1_000 {
            let record = generator.next()
            _ = try CensusForm.usaha.check(record, isNew: true)
            if case .string(let nib)? = record["nib"] {
                #expect(nib.count == 13 && nib.allSatisfy(\.isASCII) && nib.allSatisfy(\.isNumber), "nib \(nib)")
            }
            for field in ["pekerja_laki", "pekerja_perempuan"] {
                guard case .integer(let workers)? = record[field] else { Issue.record("\(field) missing"); continue }
                #expect((0...500).contains(workers))
            }
            if case .integer(let year)? = record["tahun_mulai"] { #expect((1950...2025).contains(year)) }
            guard case .string(let desa)? = record["desa"], case .string(let sector)? = record["sektor"] else {
                Issue.record("desa or sektor missing")
                continue
            }
            sectors.insert(sector)
            if case .string(let dusun)? = record["dusun"] { #expect(CensusForm.dusun(of: desa).contains(dusun), "\(dusun) in \(desa)") }
            #expect((record["sertifikat_halal"] != nil) == (sector == "pangan"))
            #expect(record["total_pekerja"] == nil && record["pengantar"] == nil)
        }
        #expect(sectors == Set(CensusForm.sectors))
        var lengkap = CensusGenerator(seed: 11)
        for _ in 0..<100 { _ = try CensusForm.usahaLengkap.check(lengkap.nextLengkap(), isNew: true) }
    }

    @Test func everyVillageHasHamlets() {
        for desa in CensusForm.desa { #expect((2...3).contains(CensusForm.dusun(of: desa).count), "\(desa)") }
    }
}
