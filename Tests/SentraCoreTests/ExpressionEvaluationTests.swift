import Testing
@testable import SentraCore

/// Evaluation: every operator, function and conversion rule, with census-form examples.
@Suite("Expression evaluation")
struct ExpressionEvaluationTests {
    private static let today = "2026-12-02"

    private func value(
        _ text: String, kind: FormExpression.Kind = .field, current: FieldValue? = nil,
        fields: [String: FieldValue] = [:], choice: [String: String] = [:]
    ) throws -> ExpressionValue {
        try FormExpression.parse(text, kind: kind)
            .evaluate(ExpressionContext(current: current, fields: fields, choice: choice, today: Self.today))
    }

    @Test("field values: null and missing are '', numbers, booleans, multichoice lists, geopoints")
    func fieldValues() {
        #expect(ExpressionValue(nil) == .string(""))
        #expect(ExpressionValue(.null) == .string(""))
        #expect(ExpressionValue(.string("x")) == .string("x"))
        #expect(ExpressionValue(.integer(12)) == .number(12))
        #expect(ExpressionValue(.decimal(2.5)) == .number(2.5))
        #expect(ExpressionValue(.bool(true)) == .boolean(true))
        #expect(ExpressionValue(.array([.string("a"), .string("b c")])) == .string("a b c"))
        #expect(ExpressionValue(.array([])) == .string(""))
        #expect(ExpressionValue(.object(["lat": .decimal(-6.2), "lon": .decimal(106.8)])) == .string("-6.2 106.8"))
        #expect(ExpressionValue(.object(["lat": .integer(0), "lon": .decimal(106.8), "acc": .integer(5)])) == .string("0 106.8"))
        #expect(ExpressionValue(.object(["x": .integer(1)])) == .string(""))
    }

    @Test("to boolean: a number unless 0 or NaN, a string unless empty")
    func toBoolean() {
        #expect(ExpressionValue.number(0).boolean == false)
        #expect(ExpressionValue.number(-0.0).boolean == false)
        #expect(ExpressionValue.number(.nan).boolean == false)
        #expect(ExpressionValue.number(0.1).boolean == true)
        #expect(ExpressionValue.number(-.infinity).boolean == true)
        #expect(ExpressionValue.string("").boolean == false)
        #expect(ExpressionValue.string("false").boolean == true)
        #expect(ExpressionValue.string("0").boolean == true)
    }

    @Test("to number: plain decimals, trimmed; anything else is NaN; booleans 1 and 0")
    func toNumber() {
        let numbers: [(String, Double)] = [
            ("12", 12), (" 12 ", 12), ("\t-3.5\n", -3.5), ("+4", 4), (".5", 0.5), ("5.", 5), ("007", 7),
            ("0.1", 0.1), ("-0", 0),
        ]
        for (text, number) in numbers { #expect(ExpressionValue.string(text).number == number, "\(text)") }
        for text in ["", " ", ".", "-", "1e3", "0x10", "Infinity", "NaN", "1,5", "1.2.3", "1 2", "--1", "\u{A0}1", "١"] {
            #expect(ExpressionValue.string(text).number.isNaN, "\(text)")
        }
        #expect(ExpressionValue.boolean(true).number == 1)
        #expect(ExpressionValue.boolean(false).number == 0)
    }

    @Test("to string: numbers as JavaScript's String(n) writes them")
    func toString() {
        let strings: [(Double, String)] = [
            (3, "3"), (-3, "-3"), (0, "0"), (-0.0, "0"), (0.5, "0.5"), (-0.25, "-0.25"), (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3, "0.3333333333333333"), (123456789, "123456789"), (1e20, "100000000000000000000"),
            (123456789012345680000, "123456789012345680000"), (1e21, "1e+21"), (1.5e22, "1.5e+22"),
            (0.000001, "0.000001"), (0.0000001, "1e-7"), (1.5e-7, "1.5e-7"), (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (.nan, "NaN"), (.infinity, "Infinity"),
            (-.infinity, "-Infinity"), (100, "100"), (2.5e-5, "0.000025"),
        ]
        for (number, text) in strings { #expect(ExpressionValue.number(number).string == text, "\(number)") }
        #expect(ExpressionValue.boolean(true).string == "true")
        #expect(ExpressionValue.boolean(false).string == "false")
    }

    @Test("= and !=: booleans first, then numbers, then strings")
    func equality() throws {
        #expect(try value("1 = 1.0") == .boolean(true))
        #expect(try value("'1' = 1") == .boolean(true))
        #expect(try value("'01.0' = 1") == .boolean(true))
        #expect(try value("'01' = '1'") == .boolean(false))
        #expect(try value("${ada} = 'x'", fields: ["ada": .bool(true)]) == .boolean(true))
        #expect(try value("${ada} = ''", fields: ["ada": .bool(false)]) == .boolean(true))
        #expect(try value("${ada} = 1", fields: ["ada": .bool(true)]) == .boolean(true))
        #expect(try value("${sektor} = 'pangan'", fields: ["sektor": .string("pangan")]) == .boolean(true))
        #expect(try value("${sektor} != 'pangan'", fields: ["sektor": .string("sandang")]) == .boolean(true))
        #expect(try value("'abc' = 0 div 0") == .boolean(false))
        #expect(try value("0 div 0 = 0 div 0") == .boolean(false))
        #expect(try value("0 div 0 != 0 div 0") == .boolean(true))
        #expect(try value(". = ''") == .boolean(true))
        // Compared by Unicode scalars: a precomposed é is not a decomposed one.
        #expect(try value("'\u{E9}' = 'e\u{301}'") == .boolean(false))
    }

    @Test("< <= > >=: numbers if both are numbers, else strings if both are strings, else false")
    func ordering() throws {
        #expect(try value(". >= 0 and . <= 500", current: .integer(250)) == .boolean(true))
        #expect(try value(". >= 0 and . <= 500", current: .integer(501)) == .boolean(false))
        #expect(try value(". >= 0 and . <= 500", current: .string("12")) == .boolean(true))
        #expect(try value("'10' > '9'") == .boolean(true))
        #expect(try value("'b' > 'a'") == .boolean(true))
        #expect(try value("'B' < 'a'") == .boolean(true))
        #expect(try value(". <= today()", current: .string("2026-12-01")) == .boolean(true))
        #expect(try value(". <= today()", current: .string("2026-12-03")) == .boolean(false))
        #expect(try value(". <= today()", current: .string("2026-12-02")) == .boolean(true))
        #expect(try value(". < 5") == .boolean(false))           // "" is not a number
        #expect(try value(". >= 5") == .boolean(false))
        #expect(try value("'abc' < 1") == .boolean(false))
        #expect(try value("1 < 'abc'") == .boolean(false))
        #expect(try value("0 div 0 < 1") == .boolean(false))
        #expect(try value("${a} < 2", fields: ["a": .bool(true)]) == .boolean(true))
        #expect(try value("'' < 'a'") == .boolean(true))
        #expect(try value("'\u{FFFF}' < '\u{10000}'") == .boolean(true))
    }

    @Test("arithmetic: numbers, NaN propagates, IEEE division, truncated remainder")
    func arithmetic() throws {
        #expect(try value("1 + 2 * 3") == .number(7))
        #expect(try value("10 - 4 - 3") == .number(3))
        #expect(try value("7 div 2") == .number(3.5))
        #expect(try value("1 div 0") == .number(.infinity))
        #expect(try value("-1 div 0") == .number(-.infinity))
        #expect(try value("0 div 0").number.isNaN)
        #expect(try value("7 mod 3") == .number(1))
        #expect(try value("-7 mod 3") == .number(-1))
        #expect(try value("7 mod -3") == .number(1))
        #expect(try value("5.5 mod 2") == .number(1.5))
        #expect(try value("5 mod 0").number.isNaN)
        #expect(try value("-(2)") == .number(-2))
        #expect(try value("--2") == .number(2))
        #expect(try value("'3' + '4'") == .number(7))
        #expect(try value("'a' + 1").number.isNaN)
        #expect(try value(". + 1").number.isNaN)               // "" is NaN
        #expect(try value("${a} * 2", fields: ["a": .bool(true)]) == .number(2))
        #expect(try value("${pekerja_laki} + ${pekerja_perempuan}", fields: ["pekerja_laki": .integer(3), "pekerja_perempuan": .integer(4)]) == .number(7))
    }

    @Test("and, or: booleans, and the right side only when needed")
    func logic() throws {
        #expect(try value("1 and 'x'") == .boolean(true))
        #expect(try value("1 and ''") == .boolean(false))
        #expect(try value("0 or 'x'") == .boolean(true))
        #expect(try value("0 or ''") == .boolean(false))
        #expect(try value("not(0)") == .boolean(true))
        #expect(try value("not('x')") == .boolean(false))
        #expect(try value("not(.)") == .boolean(true))
    }

    @Test("selected, count-selected: space-separated lists")
    func lists() throws {
        let jenis: FieldValue = .array([.string("pangan"), .string("sandang")])
        #expect(try value("selected(${jenis}, 'sandang')", fields: ["jenis": jenis]) == .boolean(true))
        #expect(try value("selected(${jenis}, 'papan')", fields: ["jenis": jenis]) == .boolean(false))
        #expect(try value("selected(${jenis}, 'pan')", fields: ["jenis": jenis]) == .boolean(false))
        #expect(try value("selected(${jenis}, '')", fields: ["jenis": jenis]) == .boolean(false))
        #expect(try value("selected(' a  b ', 'b')") == .boolean(true))
        #expect(try value("selected('1 2 3', 2)") == .boolean(true))
        #expect(try value("selected('1 2 3', 2.0)") == .boolean(true))
        #expect(try value("count-selected(${jenis})", fields: ["jenis": jenis]) == .number(2))
        #expect(try value("count-selected(${kosong})") == .number(0))
        #expect(try value("count-selected('  a   b  ')") == .number(2))
        #expect(try value("count-selected('a\tb')") == .number(1))   // only spaces separate
        #expect(try value("count-selected(${jenis}) >= 1", fields: ["jenis": .array([])]) == .boolean(false))
    }

    @Test("string-length counts Unicode scalars")
    func stringLength() throws {
        #expect(try value("string-length('Ridogalih')") == .number(9))
        #expect(try value("string-length('')") == .number(0))
        #expect(try value("string-length('e\u{301}')") == .number(2))
        #expect(try value("string-length('😀')") == .number(1))
        #expect(try value("string-length(12.50)") == .number(4))     // "12.5"
        #expect(try value("string-length(1 = 1)") == .number(4))     // "true"
        #expect(try value("string-length(.) = 16", current: .string("3201010101010001")) == .boolean(true))
    }

    @Test("regex: search semantics, literal patterns checked when parsing, run-time patterns never fail")
    func regex() throws {
        #expect(try value("regex(., '^[0-9]{16}$')", current: .string("3201010101010001")) == .boolean(true))
        #expect(try value("regex(., '^[0-9]{16}$')", current: .string("320101010101000")) == .boolean(false))
        #expect(try value("regex(., '^[0-9]{16}$')", current: .string("3201010101010001\n")) == .boolean(false))
        #expect(try value("regex(., '[0-9]')", current: .string("abc1")) == .boolean(true))
        #expect(try value("regex(., '^\\d+$')", current: .string("١٢")) == .boolean(false))     // \d is ASCII only
        #expect(try value("regex(., '^\\w+$')", current: .string("abc_1")) == .boolean(true))
        #expect(try value("regex(., '^.$')", current: .string("e\u{301}")) == .boolean(false))   // . is one code point
        #expect(try value("regex(., '^(pangan|sandang)$')", current: .string("sandang")) == .boolean(true))
        #expect(try value("regex(., '^\\s*$')", current: .string(" \t")) == .boolean(true))
        #expect(try value("regex(${telp}, '^08[0-9]{8,11}$')", fields: ["telp": .string("081234567890")]) == .boolean(true))
        #expect(try value("regex(., ${pola})", current: .string("abc"), fields: ["pola": .string("^a")]) == .boolean(true))
        #expect(try value("regex(., ${pola})", current: .string("abc"), fields: ["pola": .string("[a-")]) == .boolean(false))
        #expect(try value("regex(12.5, '^12\\.5$')") == .boolean(true))
    }

    @Test("today and if")
    func todayAndIf() throws {
        #expect(try value("today()") == .string("2026-12-02"))
        #expect(try value("if(. > 100, 'besar', 'kecil')", current: .integer(150)) == .string("besar"))
        #expect(try value("if(. > 100, 'besar', 'kecil')", current: .integer(50)) == .string("kecil"))
        #expect(try value("if('', 1, 2)") == .number(2))
        #expect(try value("if(1, 1 = 1, 2)") == .boolean(true))
    }

    @Test("choice_filter: bare names read the choice's columns, missing columns are ''")
    func choiceFilter() throws {
        let filter = "desa = ${desa}"
        #expect(try value(filter, kind: .choiceFilter, fields: ["desa": .string("3201")], choice: ["desa": "3201"]) == .boolean(true))
        #expect(try value(filter, kind: .choiceFilter, fields: ["desa": .integer(3201)], choice: ["desa": "3201"]) == .boolean(true))
        #expect(try value(filter, kind: .choiceFilter, fields: ["desa": .string("3202")], choice: ["desa": "3201"]) == .boolean(false))
        #expect(try value("kec = ''", kind: .choiceFilter) == .boolean(true))
    }
}
