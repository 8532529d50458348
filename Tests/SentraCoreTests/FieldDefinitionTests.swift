import Testing
@testable import SentraCore

/// Parsing and checking values for each field type; every error names the field.
@Suite("Field definitions")
struct FieldDefinitionTests {
    static let desa = ["Cibarusah Kota", "Sindangmulya", "Sirnajati"]

    static func field(_ type: FieldType) -> FieldDefinition {
        FieldDefinition(name: "f_\(type.rawValue)", type: type, choices: type == .choice || type == .multichoice ? desa.map { Choice($0) } : nil)
    }

    /// Expects `body` to throw an invalid-value error that names the field.
    static func expectInvalid(_ field: FieldDefinition, _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(CoreError) -> FieldValue) {
        do {
            let value = try body()
            Issue.record("\(field.type) accepted \(what) as \(value)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == .invalidValue, sourceLocation: sourceLocation)
            #expect(error.message.hasPrefix("field \(field.name): "), "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    @Test("empty text is null for every type, and null always passes the check", arguments: FieldType.allCases)
    func emptyIsNull(type: FieldType) throws {
        #expect(try Self.field(type).parse("") == .null)
        #expect(try Self.field(type).check(.null) == .null)
    }

    @Test("text keeps what was typed")
    func text() throws {
        let field = Self.field(.text)
        #expect(try field.parse("0812555") == .string("0812555"))
        #expect(try field.parse(" Budi ") == .string(" Budi "))
        #expect(try field.check(.string("x")) == .string("x"))
        Self.expectInvalid(field, "an integer") { () throws(CoreError) in try field.check(.integer(1)) }
    }

    @Test("integer")
    func integer() throws {
        let field = Self.field(.integer)
        #expect(try field.parse("12") == .integer(12))
        #expect(try field.parse(" -7 ") == .integer(-7))
        for bad in ["12.5", "abc", "1e3", "99999999999999999999"] {
            Self.expectInvalid(field, bad) { () throws(CoreError) in try field.parse(bad) }
        }
        Self.expectInvalid(field, "a decimal") { () throws(CoreError) in try field.check(.decimal(1.5)) }
        Self.expectInvalid(field, "a string") { () throws(CoreError) in try field.check(.string("12")) }
    }

    /// JSON has one kind of number, so a whole number is stored as the integer it reads back as.
    @Test("decimal: fractions stay decimals, whole numbers are stored as integers")
    func decimal() throws {
        let field = Self.field(.decimal)
        #expect(try field.parse("12.5") == .decimal(12.5))
        #expect(try field.parse(" -0.25 ") == .decimal(-0.25))
        #expect(try field.parse("12") == .integer(12))
        #expect(try field.parse("12.0") == .integer(12))
        #expect(try field.check(.integer(3)) == .integer(3))
        #expect(try field.check(.decimal(12)) == .integer(12))
        for bad in ["abc", "nan", "inf", "1e400", "1,5"] {
            Self.expectInvalid(field, bad) { () throws(CoreError) in try field.parse(bad) }
        }
        Self.expectInvalid(field, "infinity") { () throws(CoreError) in try field.check(.decimal(.infinity)) }
        Self.expectInvalid(field, "a string") { () throws(CoreError) in try field.check(.string("1.5")) }
    }

    @Test("boolean, in English and Indonesian")
    func boolean() throws {
        let field = Self.field(.boolean)
        for yes in ["true", "TRUE", "yes", "ya", "Ya", "1", " true "] { #expect(try field.parse(yes) == .bool(true), "\(yes)") }
        for no in ["false", "no", "tidak", "0"] { #expect(try field.parse(no) == .bool(false), "\(no)") }
        Self.expectInvalid(field, "maybe") { () throws(CoreError) in try field.parse("maybe") }
        Self.expectInvalid(field, "an integer") { () throws(CoreError) in try field.check(.integer(1)) }
    }

    @Test("date: real calendar dates only", arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
        ("2024-01-31", true), ("2024-04-31", false), ("2024-13-01", false), ("2024-00-10", false), ("2024-01-00", false),
        ("24-01-01", false), ("2024-1-01", false), ("2024/01/01", false), ("2024-01-01T00:00", false), ("", true),
        ("2024-+1-+5", false), ("+024-01-01", false), ("2024-01- 5", false),
    ])
    func date(text: String, valid: Bool) throws {
        let field = Self.field(.date)
        if valid {
            #expect(try field.parse(text) == (text.isEmpty ? .null : .string(text)))
        } else {
            Self.expectInvalid(field, text) { () throws(CoreError) in try field.parse(text) }
        }
    }

    @Test("choice: one of the choices, and the error lists them")
    func choice() throws {
        let field = Self.field(.choice)
        #expect(try field.parse(" Sindangmulya ") == .string("Sindangmulya"))
        do {
            _ = try field.parse("Jakarta")
            Issue.record("accepted Jakarta")
        } catch {
            #expect(error.message == #"field f_choice: "Jakarta" is not one of the choices: "Cibarusah Kota", "Sindangmulya", "Sirnajati""#)
        }
        Self.expectInvalid(field, "an array") { () throws(CoreError) in try field.check(.array([.string("Sirnajati")])) }
    }

    @Test("multichoice: separated by \";\" or \",\", or a JSON array, each chosen once")
    func multichoice() throws {
        let field = Self.field(.multichoice)
        #expect(try field.parse("Sirnajati, Sindangmulya") == .array([.string("Sirnajati"), .string("Sindangmulya")]))
        #expect(try field.parse("Cibarusah Kota;Sirnajati") == .array([.string("Cibarusah Kota"), .string("Sirnajati")]))
        #expect(try field.parse(#"["Cibarusah Kota"]"#) == .array([.string("Cibarusah Kota")]))
        #expect(try field.check(.array([])) == .array([]))
        for bad in ["Sirnajati,Sirnajati", "Sirnajati,Jakarta", "[1]"] {
            Self.expectInvalid(field, bad) { () throws(CoreError) in try field.parse(bad) }
        }
        Self.expectInvalid(field, "a string") { () throws(CoreError) in try field.check(.string("Sirnajati")) }
    }

    @Test("geopoint: LAT,LON in range, stored as decimals")
    func geopoint() throws {
        let field = Self.field(.geopoint)
        #expect(try field.parse("-6.43, 107.12") == .object(["lat": .decimal(-6.43), "lon": .decimal(107.12)]))
        let whole = try field.check(.object(["lat": .integer(-6), "lon": .integer(107)]))
        #expect(whole.objectNumbers == ["lat": -6, "lon": 107])
        for bad in ["91,0", "0,181", "-6.43", "a,b", "1,2,3"] {
            Self.expectInvalid(field, bad) { () throws(CoreError) in try field.parse(bad) }
        }
        Self.expectInvalid(field, "an extra key") { () throws(CoreError) in
            try field.check(.object(["lat": .decimal(1), "lon": .decimal(2), "alt": .decimal(3)]))
        }
        Self.expectInvalid(field, "a string lat") { () throws(CoreError) in try field.check(.object(["lat": .string("1"), "lon": .decimal(2)])) }
    }
}

extension FieldValue {
    /// An object's number members, whatever their number type.
    var objectNumbers: [String: Double]? {
        if case .object(let members) = self { members.compactMapValues(\.numberValue) } else { nil }
    }
}
