/// The syntax tree of a form expression.
///
/// Parentheses leave no node: `(1 + 2) * 3` is `.binary(.times, .binary(.plus, 1, 2), 3)`.
/// ``description`` prints the canonical, fully parenthesised text.
indirect enum ExpressionNode: Hashable, Sendable, CustomStringConvertible {
    /// A number literal: finite and not negative (`-1` is `.negate(.number(1))`).
    case number(Double)
    /// A string literal. It cannot hold both `'` and `"`, since it has no escapes.
    case string(String)
    /// `.`, the value of the field being checked.
    case current
    /// `${name}`, another field of the record.
    case field(String)
    /// A bare name, a column of the choice being filtered (choice_filter only).
    case column(String)
    /// `-x`.
    case negate(ExpressionNode)
    /// `a op b`.
    case binary(Operator, ExpressionNode, ExpressionNode)
    /// `name(arguments…)`, with the right number of arguments.
    case call(ExpressionFunction, [ExpressionNode])

    /// A binary operator, spelled as in the text.
    enum Operator: String, Hashable, Sendable, CaseIterable {
        case or, and
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case plus = "+", minus = "-", times = "*", div, mod
    }

    /// Each node and its children, depth first, parents before children, left to right.
    func visit(_ body: (ExpressionNode) -> Void) {
        body(self)
        switch self {
        case .number, .string, .current, .field, .column: break
        case .negate(let operand): operand.visit(body)
        case .binary(_, let left, let right):
            left.visit(body)
            right.visit(body)
        case .call(_, let arguments):
            for argument in arguments { argument.visit(body) }
        }
    }

    /// The canonical text: binary operations in parentheses with one space around the operator,
    /// numbers in plain decimals, strings in `'…'` unless they contain `'`.
    var description: String {
        switch self {
        case .number(let value): ExpressionValue.plainDecimal(value)
        case .string(let text): text.contains("'") ? "\"\(text)\"" : "'\(text)'"
        case .current: "."
        case .field(let name): "${\(name)}"
        case .column(let name): name
        case .negate(let operand): "-\(operand)"
        case .binary(let op, let left, let right): "(\(left) \(op.rawValue) \(right))"
        case .call(let function, let arguments):
            "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }
}
