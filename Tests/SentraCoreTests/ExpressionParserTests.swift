import Testing
@testable import SentraCore

/// Parsing: the grammar, the canonical text, what an expression reads, and every error code.
@Suite("Expression parsing")
struct ExpressionParserTests {
    private func canonical(_ text: String, kind: FormExpression.Kind = .field) throws -> String {
        try FormExpression.parse(text, kind: kind).description
    }

    private func failure(_ text: String, kind: FormExpression.Kind = .field) -> ExpressionError? {
        do {
            _ = try FormExpression.parse(text, kind: kind)
            return nil
        } catch {
            return error
        }
    }

    @Test("precedence: or < and < comparison < additive < multiplicative < unary")
    func precedence() throws {
        #expect(try canonical("1 or 2 and 3") == "(1 or (2 and 3))")
        #expect(try canonical("1 = 2 and 3 != 4") == "((1 = 2) and (3 != 4))")
        #expect(try canonical("1 + 2 * 3 < 4 - 5 div 6 mod 7") == "((1 + (2 * 3)) < (4 - ((5 div 6) mod 7)))")
        #expect(try canonical("-1 * -(2 + 3)") == "(-1 * -(2 + 3))")
        #expect(try canonical("1 - 2 - 3") == "((1 - 2) - 3)")
        #expect(try canonical("(1 - (2 - 3))") == "(1 - (2 - 3))")
        #expect(try canonical(". >= 0 and . <= 500") == "((. >= 0) and (. <= 500))")
    }

    @Test("literals: numbers in plain decimals, strings in either quote")
    func literals() throws {
        #expect(try canonical("007.50") == "7.5")
        #expect(try canonical("100000000000000000000000") == "100000000000000000000000")
        #expect(try canonical("0.0000001") == "0.0000001")
        #expect(try canonical("\"it's\"") == "\"it's\"")
        #expect(try canonical("'say \"hi\"'") == "'say \"hi\"'")
        #expect(try canonical("\"plain\"") == "'plain'")
        #expect(try canonical("''") == "''")
    }

    @Test("names with '-' are one name; minus after ${…}, '.', a number or ')' is subtraction")
    func minusAndNames() throws {
        #expect(try canonical("count-selected(${a})") == "count-selected(${a})")
        #expect(try canonical("${a}-1") == "(${a} - 1)")
        #expect(try canonical(".-1") == "(. - 1)")
        #expect(try canonical("2-1") == "(2 - 1)")
        #expect(try canonical("(1)-1") == "(1 - 1)")
        #expect(try canonical("a-b = 1", kind: .choiceFilter) == "(a-b = 1)")
        #expect(try canonical("a - b", kind: .choiceFilter) == "(a - b)")
        #expect(try canonical("${kode-desa}") == "${kode-desa}")
    }

    @Test("keywords are words: 'and' etc. need no spaces around brackets and references")
    func keywords() throws {
        #expect(try canonical("${a}and${b}") == "(${a} and ${b})")
        #expect(try canonical("(1)or(2)") == "(1 or 2)")
        #expect(try canonical("6 div 2 mod 4") == "((6 div 2) mod 4)")
        #expect(failure("${a} anda ${b}")?.code == .syntax)
    }

    @Test("what an expression reads: fields in first-use order, '.', choice columns")
    func references() throws {
        let expression = try FormExpression.parse("desa = ${desa} and ${kec} = kec or ${desa} = '' and . > 1", kind: .choiceFilter)
        #expect(expression.fieldReferences == ["desa", "kec"])
        #expect(expression.choiceColumns == ["desa", "kec"])
        #expect(expression.usesCurrentValue)
        let plain = try FormExpression.parse("${sektor} = 'pangan'")
        #expect(plain.fieldReferences == ["sektor"])
        #expect(plain.choiceColumns == [])
        #expect(!plain.usesCurrentValue)
    }

    @Test("equal trees are equal expressions, whatever the spacing and brackets")
    func equality() throws {
        #expect(try FormExpression.parse("1+2") == FormExpression.parse("((1 + 2))"))
        #expect(try FormExpression.parse("1+2").hashValue == FormExpression.parse("(1 + 2)").hashValue)
        #expect(try FormExpression.parse("1+2") != FormExpression.parse("2+1"))
        #expect(try FormExpression.parse("'a'") == FormExpression.parse("\"a\""))
    }

    @Test("syntax errors say what was expected and where, counting characters from 1")
    func syntaxErrors() {
        let cases: [(String, String)] = [
            ("", "the expression is empty"),
            ("   ", "the expression is empty"),
            ("(1 + 2", "expected \")\" at character 7"),
            ("1 +", "expected a value at character 4"),
            ("1 + )", "expected a value but found \")\" at character 5"),
            ("1 2", "unexpected \"2\" at character 3"),
            ("1 < 2 < 3", "comparisons cannot be chained: join them with \"and\" at character 7"),
            ("'abc", "unterminated string starting at character 1: add the closing '"),
            ("${a} == 1", "use \"=\" instead of \"==\" at character 6"),
            ("${a} && 1", "use \"and\" instead of \"&&\" at character 6"),
            ("${a} || 1", "use \"or\" instead of \"||\" at character 6"),
            ("${a} / 2", "use \"div\" instead of \"/\" at character 6"),
            ("${a} % 2", "use \"mod\" instead of \"%\" at character 6"),
            ("!${a}", "use \"not(…)\" or \"!=\" instead of \"!\" at character 1"),
            ("${}", "expected a field name after \"${\" at character 3"),
            ("${a.b}", "expected \"}\" at character 4"),
            ("$a", "unexpected \"$\" at character 1: write a field as ${name}"),
            ("1 # 2", "unexpected \"#\" at character 3"),
            ("1 \u{A0}", "unexpected character U+00A0 at character 3"),
            ("and 1", "expected a value before \"and\" at character 1"),
            ("today", "write today(…) with brackets at character 1"),
            ("1.", "unexpected \".\" at character 2"),
            ("selected(${a} ${b})", "expected \",\" or \")\" at character 15"),
            ("1" + String(repeating: "0", count: 400), "number 10000000000000000000… is too large at character 1"),
        ]
        for (text, message) in cases {
            let error = failure(text)
            #expect(error?.code == .syntax, "\(text)")
            #expect(error?.message == message, "\(text)")
        }
        #expect(failure("(1 + 2")?.offset == 6)
    }

    @Test("unknown functions, wrong argument counts, invalid regexes, bare names")
    func otherErrors() {
        let unknown = failure("1 + concat(${a}, 'x')")
        #expect(unknown?.code == .unknownFunction)
        #expect(unknown?.message == "unknown function \"concat()\" at character 5")
        #expect(unknown?.offset == 4)
        #expect(failure("and(1, 2)")?.code == .unknownFunction)

        let count = failure("if(${a}, 1)")
        #expect(count?.code == .wrongArgumentCount)
        #expect(count?.message == "if() needs 3 arguments (the condition, the value if true and the value if false), not 2, at character 1")
        #expect(failure("today(1)")?.message == "today() takes no arguments, not 1, at character 1")
        #expect(failure("not()")?.message == "not() needs 1 argument (a condition), not 0, at character 1")
        #expect(failure("count-selected(${a}, ${b})")?.code == .wrongArgumentCount)

        let regex = failure("regex(., '[a-')")
        #expect(regex?.code == .invalidRegex)
        #expect(regex?.offset == 9)
        #expect(regex?.message.hasPrefix("invalid regular expression '[a-': ") == true)
        #expect(regex?.message.hasSuffix(" at character 10") == true)
        #expect(failure("regex(., 'a{2,1}')")?.code == .invalidRegex)
        // A pattern computed at run time is not checked when parsing.
        #expect(failure("regex(., ${pola})") == nil)

        let bare = failure("desa = ${desa}")
        #expect(bare?.code == .bareName)
        #expect(bare?.message == "write ${desa} instead of desa (a bare name only works in a choice_filter) at character 1")
        #expect(failure("desa = ${desa}", kind: .choiceFilter) == nil)
    }

    @Test("hostile text: depth and length limits stop it before the stack does")
    func limits() throws {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(failure(deep)?.code == .tooDeep)
        #expect(failure(String(repeating: "-", count: 5_000) + "1")?.code == .tooDeep)
        #expect(failure(String(repeating: "not(", count: 1_000) + "1" + String(repeating: ")", count: 1_000))?.code == .tooDeep)
        #expect(failure(Array(repeating: "1", count: 5_000).joined(separator: "+"))?.code == .tooDeep)
        #expect(failure(String(repeating: " ", count: FormExpression.maximumLength + 1))?.code == .tooDeep)

        // Exactly at the limit: 63 additions make a tree 64 deep; 64 make it 65.
        let atLimit = Array(repeating: "1", count: FormExpression.maximumDepth).joined(separator: " + ")
        #expect(failure(atLimit) == nil)
        #expect(failure(atLimit + " + 1")?.code == .tooDeep)
        let brackets = String(repeating: "(", count: FormExpression.maximumDepth) + "1" + String(repeating: ")", count: FormExpression.maximumDepth)
        #expect(failure(brackets) == nil)
        #expect(failure("(" + brackets + ")")?.code == .tooDeep)
        // The canonical text of the deepest tree parses back.
        let parsed = try FormExpression.parse(atLimit)
        #expect(try FormExpression.parse(parsed.description) == parsed)
    }
}
