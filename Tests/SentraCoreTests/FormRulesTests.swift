import Testing
@testable import SentraCore

/// A local write checked by the form's expressions: relevant, constraint, choice_filter,
/// calculation, default and required where relevant, with the form's own messages.
@Suite("Form rules on a write")
struct FormRulesTests {
    static let id = "Indonesian (id)"
    static let form = FormDefinition(name: "usaha", version: 2, defaultLanguage: id, sections: [
        FormSection(name: "pangan", label: "Pangan", relevant: "${sektor} = 'pangan'"),
    ], fields: [
        FieldDefinition(name: "nama_usaha", type: .text, required: true,
                        requiredMessage: LocalizedText([id: "Nama usaha wajib diisi", "English (en)": "Business name is required"])),
        FieldDefinition(name: "sektor", type: .choice, choices: ["sandang", "pangan"]),
        FieldDefinition(name: "sertifikat_halal", type: .choice, relevant: "${sektor} = 'pangan'", choices: ["ya", "tidak"]),
        FieldDefinition(name: "izin_pirt", type: .text, required: true, section: "pangan"),
        FieldDefinition(name: "pekerja_laki", type: .integer, constraint: ". >= 0 and . <= 500",
                        constraintMessage: LocalizedText([id: "Jumlah pekerja 0 sampai 500", "English (en)": "Workers 0 to 500"])),
        FieldDefinition(name: "pekerja_perempuan", type: .integer, constraint: ". >= 0 and . <= 500"),
        FieldDefinition(name: "nib", type: .text, constraint: "regex(., '^[0-9]{13}$')"),
        FieldDefinition(name: "desa", type: .choice, choices: ["Sindangmulya", "Ridogalih"]),
        FieldDefinition(name: "dusun", type: .choice, choiceFilter: "desa = ${desa}", choices: [
            Choice("cikadu", columns: ["desa": "Sindangmulya"]), Choice("pasir", columns: ["desa": "Ridogalih"]),
        ]),
        FieldDefinition(name: "total_pekerja", type: .calculate, calculation: "${pekerja_laki} + ${pekerja_perempuan}"),
        FieldDefinition(name: "info", type: .note, label: "Tanyakan pemilik"),
        FieldDefinition(name: "status_kunjungan", type: .choice, defaultValue: "selesai", choices: ["selesai", "ulang"]),
        FieldDefinition(name: "tanggal", type: .date, constraint: ". <= today()"),
    ])

    static func error(_ values: [String: FieldValue], isNew: Bool = true, record: [String: FieldValue] = [:]) -> CoreError? {
        do {
            _ = try form.check(values, isNew: isNew, record: record, today: "2026-12-02")
            return nil
        } catch { return error }
    }

    static func check(_ values: [String: FieldValue], isNew: Bool = true, record: [String: FieldValue] = [:]) throws -> [String: FieldValue] {
        try form.check(values, isNew: isNew, record: record, today: "2026-12-02")
    }

    @Test("the form's expressions parse and validate")
    func validates() throws {
        try Self.form.validate()
        #expect(Self.form.hasRules)
    }

    @Test("a field that is not relevant may not be set; it may once it is")
    func relevance() throws {
        let error = Self.error(["nama_usaha": "Maju", "sektor": "sandang", "sertifikat_halal": "ya"])
        #expect(error?.code == .notRelevant && error?.field == "sertifikat_halal", "\(String(describing: error))")
        #expect(error?.message.contains("${sektor} = 'pangan'") == true)
        let values = try Self.check(["nama_usaha": "Maju", "sektor": "pangan", "sertifikat_halal": "ya", "izin_pirt": "P-IRT 123"])
        #expect(values["sertifikat_halal"] == "ya")
        // An edit that names the relevant value in the record, not in the write.
        #expect(try Self.check(["sertifikat_halal": "tidak"], isNew: false, record: ["nama_usaha": "Maju", "sektor": "pangan"])["sertifikat_halal"] == "tidak")
        #expect(Self.error(["sertifikat_halal": "tidak"], isNew: false, record: ["nama_usaha": "Maju", "sektor": "sandang"])?.code == .notRelevant)
    }

    @Test("a required field counts only where it is relevant, with the form's message")
    func requiredWhereRelevant() throws {
        _ = try Self.check(["nama_usaha": "Maju", "sektor": "sandang"])
        let missing = Self.error(["nama_usaha": "Maju", "sektor": "pangan"])
        #expect(missing?.code == .missingField && missing?.field == "izin_pirt")
        let named = Self.error(["sektor": "sandang"])
        #expect(named?.message == "field nama_usaha: Nama usaha wajib diisi")
    }

    @Test("constraints give the form's message in its default language, or name the rule")
    func constraints() throws {
        let workers = Self.error(["nama_usaha": "Maju", "pekerja_laki": 501])
        #expect(workers?.code == .constraintFailed && workers?.message == "field pekerja_laki: Jumlah pekerja 0 sampai 500")
        let other = Self.error(["nama_usaha": "Maju", "pekerja_perempuan": -1])
        #expect(other?.message == "field pekerja_perempuan: -1 does not meet the constraint . >= 0 and . <= 500")
        #expect(Self.error(["nama_usaha": "Maju", "nib": "12345"])?.code == .constraintFailed)
        _ = try Self.check(["nama_usaha": "Maju", "nib": "1234567890123", "pekerja_laki": 500, "pekerja_perempuan": 0])
        #expect(Self.error(["nama_usaha": "Maju", "tanggal": "2026-12-03"])?.code == .constraintFailed)
        _ = try Self.check(["nama_usaha": "Maju", "tanggal": "2026-12-02"])
        // An empty value is not checked by the constraint.
        _ = try Self.check(["pekerja_laki": .null], isNew: false, record: ["nama_usaha": "Maju", "pekerja_laki": 3])
    }

    @Test("a choice must pass the field's choice_filter on the record")
    func choiceFilter() throws {
        _ = try Self.check(["nama_usaha": "Maju", "desa": "Sindangmulya", "dusun": "cikadu"])
        let error = Self.error(["nama_usaha": "Maju", "desa": "Sindangmulya", "dusun": "pasir"])
        #expect(error?.code == .invalidValue && error?.field == "dusun" && error?.property == "choice_filter")
        #expect(Self.error(["dusun": "pasir"], isNew: false, record: ["nama_usaha": "Maju", "desa": "Sindangmulya"]) != nil)
    }

    @Test("calculations join the write when their result changes; notes and calculations cannot be set")
    func calculations() throws {
        let values = try Self.check(["nama_usaha": "Maju", "pekerja_laki": 3, "pekerja_perempuan": 4])
        #expect(values["total_pekerja"] == .integer(7))
        let edit = try Self.check(["pekerja_laki": 5], isNew: false,
                                  record: ["nama_usaha": "Maju", "pekerja_laki": 3, "pekerja_perempuan": 4, "total_pekerja": 7])
        #expect(edit == ["pekerja_laki": 5, "total_pekerja": 9])
        let same = try Self.check(["nama_usaha": "Baru"], isNew: false,
                                  record: ["nama_usaha": "Maju", "pekerja_laki": 3, "pekerja_perempuan": 4, "total_pekerja": 7])
        #expect(same == ["nama_usaha": "Baru"])
        #expect(Self.error(["nama_usaha": "Maju", "total_pekerja": 1])?.field == "total_pekerja")
        #expect(Self.error(["nama_usaha": "Maju", "info": "x"])?.field == "info")
    }

    @Test("a new record gets the defaults it does not give; an edit does not")
    func defaults() throws {
        #expect(try Self.check(["nama_usaha": "Maju"])["status_kunjungan"] == "selesai")
        #expect(try Self.check(["nama_usaha": "Maju", "status_kunjungan": "ulang"])["status_kunjungan"] == "ulang")
        #expect(try Self.check(["nama_usaha": "Baru"], isNew: false, record: ["nama_usaha": "Maju"])["status_kunjungan"] == nil)
    }

    @Test("a form's expressions are checked when it is validated", arguments: [
        (FieldDefinition(name: "a", type: .integer, constraint: ". >"), "constraint"),
        (FieldDefinition(name: "a", type: .integer, constraint: "concat(., 'x')"), "constraint"),
        (FieldDefinition(name: "a", type: .integer, relevant: "${tidak_ada} = 1"), "relevant"),
        (FieldDefinition(name: "a", type: .choice, choiceFilter: "kolom = 1", choices: ["x"]), "choice_filter"),
        (FieldDefinition(name: "a", type: .calculate, calculation: "${a} +"), "calculation"),
        (FieldDefinition(name: "a", type: .text, constraint: "desa = 1"), "constraint"),
    ])
    func badExpressions(field: FieldDefinition, property: String) {
        let form = FormDefinition(name: "f", fields: [field])
        do {
            try form.validate()
            Issue.record("\(field) validated")
        } catch {
            #expect(error.code == .invalidForm && error.field == "a" && error.property == property, "\(error.message)")
        }
    }
}
