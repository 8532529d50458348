import Foundation
import Testing
@testable import SentraCore

/// Form definitions: validating the definition, and checking records against it.
@Suite("Form definitions")
struct FormDefinitionTests {
    static let form = FormDefinition(name: "usaha", title: "IKM konveksi", fields: [
        FieldDefinition(name: "nama_usaha", type: .text, required: true),
        FieldDefinition(name: "pekerja_perempuan", type: .integer),
        FieldDefinition(name: "omzet_bulanan", type: .decimal, policy: .lww),
        FieldDefinition(name: "desa", type: .choice, required: true, choices: ["Cibarusah Kota", "Sindangmulya"]),
    ])

    /// The error `body` throws, or a recorded issue if it does not throw.
    static func error<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(CoreError) -> T) -> CoreError? {
        do {
            _ = try body()
            Issue.record("no error", sourceLocation: sourceLocation)
            return nil
        } catch { return error }
    }

    @Test("a good form validates and decodes with defaults")
    func validForm() throws {
        try Self.form.validate()
        let json = #"{"name": "usaha", "fields": [{"name": "nama_usaha", "type": "text", "required": true}, {"name": "pekerja", "type": "integer"}]}"#
        let decoded = try JSONDecoder().decode(FormDefinition.self, from: Data(json.utf8))
        try decoded.validate()
        #expect(decoded.field("pekerja") == FieldDefinition(name: "pekerja", type: .integer, required: false, policy: .flag))
        #expect(try JSONDecoder().decode(FormDefinition.self, from: JSONEncoder().encode(Self.form)) == Self.form)
    }

    @Test("invalid definitions are refused with a message naming the problem", arguments: [
        (FormDefinition(name: "bad name", fields: []), "bad name"),
        (FormDefinition(name: "", fields: []), "form name"),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "_deleted", type: .boolean)]), "_deleted"),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "nama usaha", type: .text)]), "nama usaha"),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "id", type: .text)]), "\"id\""),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "deleted", type: .boolean)]), "\"deleted\""),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "a", type: .text), FieldDefinition(name: "a", type: .integer)]), "field a is defined twice"),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "desa", type: .choice)]), "field desa of type choice needs a list of choices"),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "desa", type: .multichoice, choices: [])]), "field desa of type multichoice"),
        (FormDefinition(name: "f", fields: [FieldDefinition(name: "nama", type: .text, choices: ["a"])]), "field nama has choices"),
    ])
    func invalidForms(form: FormDefinition, fragment: String) {
        let error = Self.error { () throws(CoreError) in try form.validate() }
        #expect(error?.code == .invalidForm)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }

    @Test("a new record needs every required field")
    func requiredOnNewRecord() throws {
        let checked = try Self.form.check(["nama_usaha": .string("Konveksi Maju"), "desa": .string("Sindangmulya"), "omzet_bulanan": .integer(5)], isNew: true)
        #expect(checked["omzet_bulanan"] == .integer(5) && checked["desa"] == .string("Sindangmulya"))
        let missing = Self.error { () throws(CoreError) in try Self.form.check(["nama_usaha": .string("Konveksi Maju")], isNew: true) }
        #expect(missing?.code == .missingField)
        #expect(missing?.message == "field desa is required by form usaha")
        let null = Self.error { () throws(CoreError) in try Self.form.check(["nama_usaha": .null, "desa": .string("Sindangmulya")], isNew: true) }
        #expect(null?.code == .missingField)
        #expect(null?.message == "field nama_usaha is required and cannot be empty")
    }

    @Test("an edit may leave required fields out but may not empty them")
    func requiredOnEdit() throws {
        #expect(try Self.form.check(["pekerja_perempuan": .integer(4)], isNew: false) == ["pekerja_perempuan": .integer(4)])
        #expect(try Self.form.check(["pekerja_perempuan": .null], isNew: false) == ["pekerja_perempuan": .null])
        let error = Self.error { () throws(CoreError) in try Self.form.check(["desa": .null], isNew: false) }
        #expect(error?.code == .missingField && error?.message.contains("field desa") == true)
    }

    @Test("unknown fields and bad values are refused, naming the field")
    func unknownAndInvalid() {
        let unknown = Self.error { () throws(CoreError) in try Self.form.check(["pemilik": .string("Budi")], isNew: false) }
        #expect(unknown?.code == .unknownField)
        #expect(unknown?.message == "field pemilik is not defined by form usaha")
        let invalid = Self.error { () throws(CoreError) in try Self.form.check(["pekerja_perempuan": .string("banyak")], isNew: false) }
        #expect(invalid?.code == .invalidValue && invalid?.message.hasPrefix("field pekerja_perempuan:") == true)
        let parsed = Self.error { () throws(CoreError) in try Self.form.parse(["pekerja_perempuan": "banyak"]) }
        #expect(parsed?.code == .invalidValue && parsed?.message.contains("pekerja_perempuan") == true)
    }

    @Test("parse dispatches by field type; policy defaults to flag")
    func parseAndPolicy() throws {
        #expect(try Self.form.parse(["pekerja_perempuan": "12", "nama_usaha": "0812", "omzet_bulanan": ""])
            == ["pekerja_perempuan": .integer(12), "nama_usaha": .string("0812"), "omzet_bulanan": .null])
        #expect(Self.form.policy(of: "omzet_bulanan") == .lww)
        #expect(Self.form.policy(of: "nama_usaha") == .flag)
        #expect(Self.form.policy(of: "undefined") == .flag)
    }
}
