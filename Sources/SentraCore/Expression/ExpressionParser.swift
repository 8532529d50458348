/// A recursive-descent parser for form expressions, one function per grammar rule.
///
/// ```
/// expression     := or
/// or             := and ("or" and)*
/// and            := comparison ("and" comparison)*
/// comparison     := additive (("=" | "!=" | "<" | "<=" | ">" | ">=") additive)?
/// additive       := multiplicative (("+" | "-") multiplicative)*
/// multiplicative := unary (("*" | "div" | "mod") unary)*
/// unary          := "-" unary | primary
/// primary        := number | string | "." | "${" name "}" | function "(" [expression ("," expression)*] ")"
///                 | "(" expression ")" | name
/// ```
///
/// Two limits keep hostile text from exhausting the stack: the syntax tree is at most
/// ``FormExpression/maximumDepth`` deep (a literal or reference is 1 deep, an operator or call one more
/// than its deepest operand), and brackets, calls and minus signs nest at most as deep.
struct ExpressionParser {
    private typealias Parsed = (node: ExpressionNode, depth: Int)

    private let tokens: [ExpressionToken]
    private let kind: FormExpression.Kind
    private var index = 0
    private var nesting = 0

    private init(tokens: [ExpressionToken], kind: FormExpression.Kind) {
        self.tokens = tokens
        self.kind = kind
    }

    /// The syntax tree of `text`.
    static func parse(_ text: String, kind: FormExpression.Kind) throws(ExpressionError) -> ExpressionNode {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= FormExpression.maximumLength else {
            throw ExpressionError(.tooDeep, "the expression is longer than \(FormExpression.maximumLength) characters", offset: FormExpression.maximumLength)
        }
        let tokens = try ExpressionTokenizer.tokens(scalars)
        guard tokens.count > 1 else { throw ExpressionError(.syntax, "the expression is empty", offset: 0) }
        var parser = ExpressionParser(tokens: tokens, kind: kind)
        let root = try parser.parseOr().node
        guard case .end = parser.current.kind else {
            throw parser.error(.syntax, "unexpected \(parser.current.quoted)", at: parser.current)
        }
        return root
    }

    private var current: ExpressionToken { tokens[index] }

    private mutating func advance() { index = min(index + 1, tokens.count - 1) }

    private func error(_ code: ExpressionError.Code, _ text: String, at token: ExpressionToken) -> ExpressionError {
        ExpressionError(code, "\(text) at character \(token.offset + 1)", offset: token.offset)
    }

    /// `left op right`, refused if it would make the tree too deep.
    private func combine(_ op: ExpressionNode.Operator, _ left: Parsed, _ right: Parsed, at token: ExpressionToken) throws(ExpressionError) -> Parsed {
        try node(.binary(op, left.node, right.node), depth: 1 + max(left.depth, right.depth), at: token)
    }

    private func node(_ node: ExpressionNode, depth: Int, at token: ExpressionToken) throws(ExpressionError) -> Parsed {
        guard depth <= FormExpression.maximumDepth else { throw tooDeep(at: token) }
        return (node, depth)
    }

    private func tooDeep(at token: ExpressionToken) -> ExpressionError {
        error(.tooDeep, "the expression nests more than \(FormExpression.maximumDepth) levels deep", at: token)
    }

    /// Enters a bracket, call or minus sign; refused past the depth limit.
    private mutating func enter(at token: ExpressionToken) throws(ExpressionError) {
        nesting += 1
        guard nesting <= FormExpression.maximumDepth else { throw tooDeep(at: token) }
    }

    private mutating func parseOr() throws(ExpressionError) -> Parsed {
        var left = try parseAnd()
        while current.isKeyword("or") {
            let token = current
            advance()
            left = try combine(.or, left, try parseAnd(), at: token)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Parsed {
        var left = try parseComparison()
        while current.isKeyword("and") {
            let token = current
            advance()
            left = try combine(.and, left, try parseComparison(), at: token)
        }
        return left
    }

    private static func comparison(_ token: ExpressionToken) -> ExpressionNode.Operator? {
        guard case .symbol(let symbol) = token.kind else { return nil }
        return switch symbol {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    /// One comparison at most: `a < b < c` is refused rather than read as `(a < b) < c`.
    private mutating func parseComparison() throws(ExpressionError) -> Parsed {
        let left = try parseAdditive()
        guard let op = Self.comparison(current) else { return left }
        let token = current
        advance()
        let result = try combine(op, left, try parseAdditive(), at: token)
        if Self.comparison(current) != nil {
            throw error(.syntax, "comparisons cannot be chained: join them with \"and\"", at: current)
        }
        return result
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Parsed {
        var left = try parseMultiplicative()
        while true {
            let op: ExpressionNode.Operator
            switch current.kind {
            case .symbol(.plus): op = .plus
            case .symbol(.minus): op = .minus
            default: return left
            }
            let token = current
            advance()
            left = try combine(op, left, try parseMultiplicative(), at: token)
        }
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Parsed {
        var left = try parseUnary()
        while true {
            let op: ExpressionNode.Operator
            if case .symbol(.times) = current.kind {
                op = .times
            } else if current.isKeyword("div") {
                op = .div
            } else if current.isKeyword("mod") {
                op = .mod
            } else {
                return left
            }
            let token = current
            advance()
            left = try combine(op, left, try parseUnary(), at: token)
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Parsed {
        guard case .symbol(.minus) = current.kind else { return try parsePrimary() }
        let token = current
        try enter(at: token)
        advance()
        let operand = try parseUnary()
        nesting -= 1
        return try node(.negate(operand.node), depth: operand.depth + 1, at: token)
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Parsed {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return (.number(value), 1)
        case .string(let text):
            advance()
            return (.string(text), 1)
        case .dot:
            advance()
            return (.current, 1)
        case .field(let name):
            advance()
            return (.field(name), 1)
        case .name(let name):
            advance()
            if case .symbol(.open) = current.kind { return try parseCall(name, at: token) }
            return try bareName(name, at: token)
        case .symbol(.open):
            try enter(at: token)
            advance()
            let inner = try parseOr()
            guard case .symbol(.close) = current.kind else { throw error(.syntax, "expected \")\"", at: current) }
            advance()
            nesting -= 1
            return inner
        case .end:
            throw error(.syntax, "expected a value", at: token)
        default:
            throw error(.syntax, "expected a value but found \(token.quoted)", at: token)
        }
    }

    /// A name not followed by `(`: a choice column in a choice_filter, a mistake elsewhere.
    private func bareName(_ name: String, at token: ExpressionToken) throws(ExpressionError) -> Parsed {
        if ExpressionToken.keywords.contains(name) {
            throw error(.syntax, "expected a value before \"\(name)\"", at: token)
        }
        if kind == .choiceFilter { return (.column(name), 1) }
        if let function = ExpressionFunction(rawValue: name) {
            throw error(.syntax, "write \(function.rawValue)(…) with brackets", at: token)
        }
        throw error(.bareName, "write ${\(name)} instead of \(name) (a bare name only works in a choice_filter)", at: token)
    }

    /// `name(arguments…)`, the current token being `(`.
    private mutating func parseCall(_ name: String, at token: ExpressionToken) throws(ExpressionError) -> Parsed {
        guard let function = ExpressionFunction(rawValue: name) else {
            throw error(.unknownFunction, "unknown function \"\(name)()\"", at: token)
        }
        try enter(at: token)
        advance()
        var arguments: [Parsed] = []
        var argumentTokens: [ExpressionToken] = []
        if case .symbol(.close) = current.kind {
            advance()
        } else {
            while true {
                argumentTokens.append(current)
                arguments.append(try parseOr())
                if case .symbol(.comma) = current.kind {
                    advance()
                    continue
                }
                guard case .symbol(.close) = current.kind else {
                    throw error(.syntax, "expected \",\" or \")\"", at: current)
                }
                advance()
                break
            }
        }
        nesting -= 1
        guard arguments.count == function.arity else {
            let needs = switch function.arity {
            case 0: "takes no arguments"
            case 1: "needs 1 argument (\(function.argumentNames))"
            default: "needs \(function.arity) arguments (\(function.argumentNames))"
            }
            throw error(.wrongArgumentCount, "\(name)() \(needs), not \(arguments.count),", at: token)
        }
        if function == .regex, case .string(let pattern) = arguments[1].node {
            do {
                _ = try ExpressionRegex.compile(pattern)
            } catch {
                throw self.error(.invalidRegex, "invalid regular expression '\(pattern)': \(ExpressionRegex.reason(error))", at: argumentTokens[1])
            }
        }
        let depth = 1 + (arguments.map(\.depth).max() ?? 0)
        return try node(.call(function, arguments.map(\.node)), depth: depth, at: token)
    }
}
