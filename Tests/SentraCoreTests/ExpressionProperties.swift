import Testing
@testable import SentraCore

/// Laws of the expression language, over random trees, texts and numbers.
@Suite("Expression properties")
struct ExpressionProperties {
    @Test("the canonical text of a random tree parses back to an equal expression")
    func descriptionRoundTrips() {
        forAllSeeds("expression.roundTrip") { seed, random in
            let columns = random.chance(0.5)
            let expression = FormExpression(root: ExpressionGenerator.node(depth: Int.random(in: 1...8, using: &random), columns: columns, &random))
            let text = expression.description
            let parsed = try FormExpression.parse(text, kind: columns ? .choiceFilter : .field)
            try #require(parsed == expression, "seed \(seed): \(text) parsed as \(parsed)")
            try #require(parsed.description == text, "seed \(seed): \(text)")
        }
    }

    @Test("random text never crashes the parser, and whatever parses evaluates and round-trips")
    func randomText() {
        var parsedCount = 0
        forAllSeeds("expression.randomText") { seed, random in
            let text = ExpressionGenerator.text(&random)
            let kind: FormExpression.Kind = random.chance(0.5) ? .choiceFilter : .field
            let expression: FormExpression
            do {
                expression = try FormExpression.parse(text, kind: kind)
            } catch let error as ExpressionError {
                try #require(error.offset >= 0 && error.offset <= text.unicodeScalars.count, "seed \(seed): \(error.offset) in \(text)")
                try #require(!error.message.isEmpty && !error.message.contains("\n"), "seed \(seed)")
                return
            }
            parsedCount += 1
            _ = expression.evaluate(ExpressionGenerator.context(&random))
            try #require(try FormExpression.parse(expression.description, kind: kind) == expression, "seed \(seed): \(text)")
        }
        #expect(parsedCount > PropertyConfig.cases / 10, "too few random texts parse: \(parsedCount)")
    }

    @Test("random trees evaluate in random contexts without crashing, to a value of a fixed kind")
    func randomTreesEvaluate() {
        forAllSeeds("expression.evaluate") { seed, random in
            let node = ExpressionGenerator.node(depth: Int.random(in: 1...10, using: &random), columns: true, &random)
            let value = FormExpression(root: node).evaluate(ExpressionGenerator.context(&random))
            if case .binary(let op, _, _) = node {
                let isBoolean = if case .boolean = value { true } else { false }
                try #require(isBoolean == ![.plus, .minus, .times, .div, .mod].contains(op), "seed \(seed): \(node) gave \(value)")
            }
        }
    }

    @Test("arithmetic and comparison of numbers agree with Swift's")
    func numbersAgreeWithSwift() {
        forAllSeeds("expression.numbers") { seed, random in
            let a = number(&random), b = number(&random)
            let fields: [String: FieldValue] = ["a": .decimal(a), "b": .decimal(b)]
            let context = ExpressionContext(fields: fields, today: "2026-12-02")
            let arithmetic: [(String, Double)] = [
                ("+", a + b), ("-", a - b), ("*", a * b), ("div", a / b), ("mod", a.truncatingRemainder(dividingBy: b)),
            ]
            for (op, expected) in arithmetic {
                for text in ["${a} \(op) ${b}", "\(literal(a)) \(op) \(literal(b))"] {
                    let result = try FormExpression.parse(text).evaluate(context).number
                    try #require(result == expected || (result.isNaN && expected.isNaN), "seed \(seed): \(text) = \(result), not \(expected)")
                }
            }
            let comparisons: [(String, Bool)] = [
                ("=", a == b), ("!=", a != b), ("<", a < b), ("<=", a <= b), (">", a > b), (">=", a >= b),
            ]
            for (op, expected) in comparisons {
                for text in ["${a} \(op) ${b}", "\(literal(a)) \(op) \(literal(b))", "'\(ExpressionValue.number(a).string)' \(op) ${b}"] {
                    // Text with an exponent (1e-7), NaN or Infinity is not a number when read back.
                    if text.hasPrefix("'") && (!a.isFinite || ExpressionValue.number(a).string.contains("e")) { continue }
                    let result = try FormExpression.parse(text).evaluate(context)
                    try #require(result == .boolean(expected), "seed \(seed): \(text) = \(result), not \(expected)")
                }
            }
            let negated = try FormExpression.parse("-${a}").evaluate(context).number
            try #require(negated == -a || (negated.isNaN && a.isNaN), "seed \(seed)")
        }
    }

    @Test("not(not(x)) is boolean(x)")
    func doubleNegation() {
        forAllSeeds("expression.notNot") { seed, random in
            let x = ExpressionGenerator.node(depth: Int.random(in: 1...6, using: &random), columns: true, &random)
            let context = ExpressionGenerator.context(&random)
            let twice = FormExpression(root: .call(.not, [.call(.not, [x])])).evaluate(context)
            try #require(twice == .boolean(FormExpression(root: x).evaluate(context).boolean), "seed \(seed): \(x)")
        }
    }

    @Test("a = b is not(a != b), and = is symmetric, for values that are not NaN")
    func equalIsNotNotEqual() {
        forAllSeeds("expression.equalNotEqual") { seed, random in
            let a = ExpressionGenerator.value(&random), b = ExpressionGenerator.value(&random)
            let context = ExpressionContext(fields: ["a": fieldValue(a), "b": fieldValue(b)], today: "2026-12-02")
            let equal = try FormExpression.parse("${a} = ${b}").evaluate(context)
            try #require(equal == (try FormExpression.parse("not(${a} != ${b})").evaluate(context)), "seed \(seed): \(a), \(b)")
            try #require(equal == (try FormExpression.parse("${b} = ${a}").evaluate(context)), "seed \(seed): \(a), \(b)")
        }
    }

    /// A number of any size and sign, including NaN and the infinities now and then.
    private func number(_ random: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: Double(Int.random(in: -10...10, using: &random))
        case 1: Double.random(in: -1e6...1e6, using: &random)
        case 2: Double.random(in: -1...1, using: &random)
        case 3: random.pick([0, -0.0, .nan, .infinity, -.infinity, 0.1, 1e21, 5e-324])
        case 4: Double(bitPattern: random.next())
        default: Double(Int.random(in: -1_000...1_000, using: &random)) / 8
        }
    }

    /// A number as expression text: a literal, with a unary minus if negative; NaN and the
    /// infinities as divisions.
    private func literal(_ number: Double) -> String {
        if number.isNaN { return "(0 div 0)" }
        if number.isInfinite { return number < 0 ? "(-1 div 0)" : "(1 div 0)" }
        let text = ExpressionValue.plainDecimal(abs(number))
        return number.sign == .minus ? "(-\(text))" : text
    }

    private func fieldValue(_ value: ExpressionValue) -> FieldValue {
        switch value {
        case .boolean(let flag): .bool(flag)
        case .number(let number): .decimal(number)
        case .string(let text): .string(text)
        }
    }
}
