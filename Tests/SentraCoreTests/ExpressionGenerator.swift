@testable import SentraCore

/// Random syntax trees, texts, values and contexts for the expression properties.
enum ExpressionGenerator {
    static let fieldNames = ["a", "b", "umur", "kode-desa", "jenis_usaha", "9x", "-"]
    static let columnNames = ["desa", "kec", "_x", "a-b", "a.b", "today", "not", "x1"]
    static let patterns = ["^[0-9]{16}$", "a", "^$", "(pangan|sandang)", "\\d+", "^\\w*$", "[^ ]+ [^ ]+", "^.{2,4}$", "\\s"]
    static let words = ["", "a", "b", "pangan", "sandang", "a b", "3", "12.5", " 7 ", "-2", "2026-12-02", "true", "é", "😀", "1e3", "NaN"]

    /// A tree no deeper than `depth` (≥ 1), with bare names only if `columns`.
    static func node(depth: Int, columns: Bool, _ random: inout SeededGenerator) -> ExpressionNode {
        if depth <= 1 || random.chance(0.3) { return leaf(columns: columns, &random) }
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            return .negate(node(depth: depth - 1, columns: columns, &random))
        case 1, 2:
            let function = random.pick(ExpressionFunction.allCases)
            var arguments = (0..<function.arity).map { _ in node(depth: depth - 1, columns: columns, &random) }
            if function == .regex, random.chance(0.7) { arguments[1] = .string(random.pick(patterns)) }
            if function == .regex, case .string(let pattern) = arguments[1], (try? ExpressionRegex.compile(pattern)) == nil {
                arguments[1] = .string("a")
            }
            return .call(function, arguments)
        default:
            return .binary(
                random.pick(ExpressionNode.Operator.allCases),
                node(depth: depth - 1, columns: columns, &random),
                node(depth: depth - 1, columns: columns, &random))
        }
    }

    static func leaf(columns: Bool, _ random: inout SeededGenerator) -> ExpressionNode {
        switch Int.random(in: 0..<(columns ? 6 : 5), using: &random) {
        case 0: return .number(literal(&random))
        case 1: return .string(stringLiteral(&random))
        case 2: return .current
        case 3: return .field(random.pick(fieldNames))
        case 4: return .number(Double(Int.random(in: 0...10, using: &random)))
        default: return .column(random.pick(columnNames))
        }
    }

    /// A non-negative finite number, as literals are.
    static func literal(_ random: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: Double(Int.random(in: 0...1_000, using: &random))
        case 1: Double.random(in: 0..<1, using: &random)
        case 2: Double.random(in: 0..<1e30, using: &random)
        case 3: Double.random(in: 0..<1e-9, using: &random)
        default: abs(Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF))
        }
    }

    /// A string without escapes: it may hold one kind of quote, never both.
    static func stringLiteral(_ random: inout SeededGenerator) -> String {
        let alphabet: [Character] = ["a", "z", " ", "'", "\"", "0", "-", "é", "😀", "$", "{", "(", ")", "\\", "."]
        var text = String((0..<Int.random(in: 0...6, using: &random)).map { _ in random.pick(alphabet) })
        if text.contains("'") && text.contains("\"") { text.removeAll { $0 == "\"" } }
        return text
    }

    /// Text to throw at the parser: half the time pieces of the language and stray characters,
    /// half the time the canonical text of a random tree with a few characters changed.
    static func text(_ random: inout SeededGenerator) -> String {
        guard random.chance(0.5) else { return pieces(&random) }
        var scalars = Array(node(depth: Int.random(in: 1...6, using: &random), columns: random.chance(0.5), &random).description.unicodeScalars)
        let stray: [Unicode.Scalar] = ["(", ")", " ", "'", "-", "$", "{", ",", "a", "1", "."]
        for _ in 0..<Int.random(in: 0...2, using: &random) where !scalars.isEmpty {
            let at = Int.random(in: 0..<scalars.count, using: &random)
            if random.chance(0.5) { scalars.remove(at: at) } else { scalars.insert(random.pick(stray), at: at) }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private static func pieces(_ random: inout SeededGenerator) -> String {
        let pieces = [
            "(", ")", "(", ")", ",", " ", " ", ".", "-", "+", "*", "=", "!=", "<", "<=", ">", ">=", " and ", " or ",
            " div ", " mod ", "and", "not(", "selected(", "count-selected(", "string-length(", "regex(", "today()", "if(",
            "concat(", "${a}", "${kode-desa}", "${", "}", "$", "'x'", "'", "\"", "\"y'", "12", "3.5", "0", "1.", "desa",
            "a-b", "'[a-'", "'^[0-9]+$'", "==", "!", "#", "é", "\u{0}", "\t", "😀", "9999999999999999999999",
        ]
        return (0..<Int.random(in: 0...12, using: &random)).map { _ in random.pick(pieces) }.joined()
    }

    /// A field value of any JSON shape a record can hold.
    static func fieldValue(_ random: inout SeededGenerator) -> FieldValue? {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: nil
        case 1: .null
        case 2: .bool(random.chance(0.5))
        case 3: .integer(Int64.random(in: -1_000...1_000, using: &random))
        case 4: .decimal(random.pick([0.5, -2.25, 1e21, 1e-7, .nan, .infinity, 0.1 + 0.2]))
        case 5, 6: .string(random.pick(words))
        case 7: .array((0..<Int.random(in: 0...3, using: &random)).map { _ in .string(random.pick(words)) })
        case 8: .object(["lat": .decimal(-6.2), "lon": .decimal(106.8)])
        default: .object(["x": .array([.null])])
        }
    }

    static func context(_ random: inout SeededGenerator) -> ExpressionContext {
        var fields: [String: FieldValue] = [:]
        for name in fieldNames where random.chance(0.8) { fields[name] = fieldValue(&random) ?? .null }
        var choice: [String: String] = [:]
        for name in columnNames where random.chance(0.8) { choice[name] = random.pick(words) }
        return ExpressionContext(current: fieldValue(&random), fields: fields, choice: choice, today: "2026-12-02")
    }

    /// A value of any of the three kinds.
    static func value(_ random: inout SeededGenerator) -> ExpressionValue {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: .boolean(random.chance(0.5))
        case 1: .number(random.chance(0.5) ? Double(Int.random(in: -3...3, using: &random)) : random.pick([0.5, -1e21, 1e-7, 12.5]))
        default: .string(random.pick(words))
        }
    }
}
