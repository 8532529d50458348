import SentraCore
import SentraXLSForm
import Testing

/// `label::<language>` columns and the settings' default language.
@Suite struct LanguageTests {
    static let id = "Indonesian (id)"
    static let en = "English (en)"

    @Test func twoLanguagesInEveryTextColumn() throws {
        let form = try Fixture.form("two_languages")
        func both(_ indonesian: String, _ english: String) -> LocalizedText { LocalizedText([Self.id: indonesian, Self.en: english]) }
        let expected = FormDefinition(name: "dua_bahasa", defaultLanguage: Self.id, sections: [FormSection(name: "usaha", label: both("Usaha", "Business"))], fields: [
            FieldDefinition(name: "nama_usaha", type: .text, label: both("Nama usaha", "Business name"), hint: both("Nama di papan", "Name on the sign"),
                            required: true, requiredMessage: both("Wajib diisi", "Required"), section: "usaha"),
            FieldDefinition(name: "pekerja", type: .integer, label: both("Pekerja", "Workers"), constraint: ". >= 0",
                            constraintMessage: both("Tidak boleh negatif", "Cannot be negative"), section: "usaha"),
            FieldDefinition(name: "halal", type: .choice, label: both("Sertifikat halal", "Halal certificate"),
                            choices: [Choice("ya", label: both("Ya", "Yes")), Choice("tidak", label: both("Tidak", "No"))], section: "usaha"),
        ])
        #expect(form == expected)
        #expect(form.field("halal")?.label?.text(in: Self.en) == "Halal certificate")
    }

    @Test func aPlainLabelIsInTheDefaultLanguage() throws {
        let form = try Fixture.form("settings")
        #expect(form.field("nama")?.label == LocalizedText([Self.id: "Nama", Self.en: "Name"]))
    }

    @Test func withoutADefaultLanguageAPlainLabelHasNoLanguage() throws {
        // A single-language form: its labels encode as plain strings.
        let label = try #require(try Fixture.form("all_types").field("nama")?.label)
        #expect(label.texts == ["": "Nama"])
    }
}
