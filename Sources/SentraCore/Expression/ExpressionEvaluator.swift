/// Evaluates a syntax tree against a context. Total: every tree gives a value.
struct ExpressionEvaluator {
    let context: ExpressionContext
    /// The patterns compiled when the expression was parsed, by their text.
    let patterns: CompiledPatterns

    func value(of node: ExpressionNode) -> ExpressionValue {
        switch node {
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .current: return ExpressionValue(context.current)
        case .field(let name): return ExpressionValue(context.fields[name])
        case .column(let name): return .string(context.choice[name] ?? "")
        case .negate(let operand): return .number(-value(of: operand).number)
        case .binary(let op, let left, let right): return binary(op, left, right)
        case .call(let function, let arguments): return call(function, arguments)
        }
    }

    private func binary(_ op: ExpressionNode.Operator, _ leftNode: ExpressionNode, _ rightNode: ExpressionNode) -> ExpressionValue {
        // `and` and `or` do not evaluate their right side when the left decides.
        switch op {
        case .or: return .boolean(value(of: leftNode).boolean || value(of: rightNode).boolean)
        case .and: return .boolean(value(of: leftNode).boolean && value(of: rightNode).boolean)
        default: break
        }
        let left = value(of: leftNode), right = value(of: rightNode)
        switch op {
        case .or, .and: return .boolean(false)   // handled above
        case .equal: return .boolean(Self.equal(left, right))
        case .notEqual: return .boolean(!Self.equal(left, right))
        case .less: return .boolean(Self.order(left, right, <, <))
        case .lessOrEqual: return .boolean(Self.order(left, right, <=, <=))
        case .greater: return .boolean(Self.order(left, right, >, >))
        case .greaterOrEqual: return .boolean(Self.order(left, right, >=, >=))
        case .plus: return .number(left.number + right.number)
        case .minus: return .number(left.number - right.number)
        case .times: return .number(left.number * right.number)
        case .div: return .number(left.number / right.number)
        case .mod: return .number(left.number.truncatingRemainder(dividingBy: right.number))
        }
    }

    /// `=`: as booleans if either side is one, else as numbers if either is one, else as strings.
    static func equal(_ left: ExpressionValue, _ right: ExpressionValue) -> Bool {
        switch (left, right) {
        case (.boolean, _), (_, .boolean): left.boolean == right.boolean
        case (.number, _), (_, .number): left.number == right.number
        default: StringOrder(left.string) == StringOrder(right.string)
        }
    }

    /// `<`, `<=`, `>`, `>=`: as numbers if both sides are numbers (not NaN), else as strings by
    /// Unicode scalars if both are strings, else false.
    static func order(
        _ left: ExpressionValue, _ right: ExpressionValue,
        _ numbers: (Double, Double) -> Bool, _ strings: (StringOrder, StringOrder) -> Bool
    ) -> Bool {
        let a = left.number, b = right.number
        if !a.isNaN && !b.isNaN { return numbers(a, b) }
        if case .string(let x) = left, case .string(let y) = right { return strings(StringOrder(x), StringOrder(y)) }
        return false
    }

    private func call(_ function: ExpressionFunction, _ arguments: [ExpressionNode]) -> ExpressionValue {
        // The parser checked the number of arguments; `argument` still never traps.
        func argument(_ index: Int) -> ExpressionValue {
            index < arguments.count ? value(of: arguments[index]) : .string("")
        }
        switch function {
        case .not:
            return .boolean(!argument(0).boolean)
        case .selected:
            let list = argument(0).string, item = argument(1).string
            return .boolean(Self.items(list).contains { $0.elementsEqual(item.unicodeScalars) })
        case .countSelected:
            return .number(Double(Self.items(argument(0).string).count))
        case .stringLength:
            return .number(Double(argument(0).string.unicodeScalars.count))
        case .regex:
            let text = argument(0).string, pattern = argument(1).string
            if let matched = patterns.matches(text, pattern) { return .boolean(matched) }
            guard let regex = try? ExpressionRegex.compile(pattern) else { return .boolean(false) }
            return .boolean(ExpressionRegex.matches(text, regex))
        case .today:
            return .string(context.today)
        case .if:
            return argument(0).boolean ? argument(1) : argument(2)
        }
    }

    /// The non-empty items of a list separated by spaces (U+0020), split and compared by Unicode
    /// scalars.
    static func items(_ list: String) -> [Substring.UnicodeScalarView] {
        list.unicodeScalars.split(separator: " ", omittingEmptySubsequences: true)
    }
}

/// A string ordered by its Unicode scalars (code points), not by Swift's canonical equivalence.
struct StringOrder: Comparable {
    let text: String
    init(_ text: String) { self.text = text }

    static func < (a: StringOrder, b: StringOrder) -> Bool {
        a.text.unicodeScalars.lexicographicallyPrecedes(b.text.unicodeScalars)
    }

    static func == (a: StringOrder, b: StringOrder) -> Bool {
        a.text.unicodeScalars.elementsEqual(b.text.unicodeScalars)
    }
}
