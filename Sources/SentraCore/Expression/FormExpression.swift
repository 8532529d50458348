/// A parsed form expression: a `constraint`, `relevant`, `choice_filter` or `calculation` of an
/// XLSForm, in the small XPath-like language of `Docs/expressions.md`.
///
/// Parse once, when the form is loaded; evaluate per record. Evaluation never fails: every parsed
/// expression gives a value for every context.
///
/// ```swift
/// let rule = try FormExpression.parse(". >= 0 and . <= 500")
/// rule.usesCurrentValue                                              // true
/// rule.evaluate(ExpressionContext(current: .integer(12), today: "2026-12-02")).boolean   // true
///
/// let filter = try FormExpression.parse("desa = ${desa}", kind: .choiceFilter)
/// filter.fieldReferences   // ["desa"]
/// filter.choiceColumns     // ["desa"]
/// ```
///
/// Two expressions are equal when their syntax trees are: `1+2` equals `(1 + 2)`. ``description``
/// is the canonical text, fully parenthesised, which parses back to an equal expression.
public struct FormExpression: Hashable, Sendable, CustomStringConvertible {
    /// Where an expression is used, which decides whether bare names are allowed.
    public enum Kind: Hashable, Sendable {
        /// A constraint, relevant or calculation: fields are written `${name}`.
        case field
        /// A choice_filter: a bare name such as `desa` is a column of the choice being filtered.
        case choiceFilter
    }

    /// The deepest syntax tree allowed: a value is 1 deep, an operator or function call one more
    /// than its deepest operand. Brackets, calls and minus signs may nest no deeper either.
    public static let maximumDepth = 64

    /// The longest text allowed, in Unicode scalars.
    public static let maximumLength = 20_000

    let root: ExpressionNode
    /// The string-literal patterns of `regex()`, compiled once.
    private let patterns: CompiledPatterns

    /// An expression of a syntax tree; `regex()` patterns that are literals are compiled here (the
    /// parser has checked them).
    init(root: ExpressionNode) {
        self.root = root
        var patterns: [String] = []
        root.visit { node in
            if case .call(.regex, let arguments) = node, arguments.count == 2, case .string(let pattern) = arguments[1] {
                patterns.append(pattern)
            }
        }
        self.patterns = CompiledPatterns(patterns)
    }

    /// Parses `text`.
    ///
    /// - Parameter kind: ``Kind/choiceFilter`` to allow bare names (choice columns).
    /// - Throws: ``ExpressionError``, with the code and position of the first problem.
    public static func parse(_ text: String, kind: Kind = .field) throws(ExpressionError) -> FormExpression {
        FormExpression(root: try ExpressionParser.parse(text, kind: kind))
    }

    /// The fields read with `${name}`, each once, in the order they first appear.
    public var fieldReferences: [String] {
        unique { node in if case .field(let name) = node { name } else { nil } }
    }

    /// Whether the expression reads `.`, the value of its own field.
    public var usesCurrentValue: Bool {
        var uses = false
        root.visit { node in if case .current = node { uses = true } }
        return uses
    }

    /// The choice columns read by bare names (choice_filter only), each once, in the order they
    /// first appear.
    public var choiceColumns: [String] {
        unique { node in if case .column(let name) = node { name } else { nil } }
    }

    /// The value of the expression in `context`. Never fails: a missing field reads as `""`, a
    /// number that cannot be read is NaN, a `regex()` pattern computed at run time that is not
    /// valid does not match.
    public func evaluate(_ context: ExpressionContext) -> ExpressionValue {
        ExpressionEvaluator(context: context, patterns: patterns).value(of: root)
    }

    /// The canonical text: every operation in parentheses, e.g. `((. >= 0) and (. <= 500))`.
    public var description: String { root.description }

    public static func == (a: FormExpression, b: FormExpression) -> Bool { a.root == b.root }

    public func hash(into hasher: inout Hasher) { hasher.combine(root) }

    private func unique(_ name: (ExpressionNode) -> String?) -> [String] {
        var seen = Set<String>(), names: [String] = []
        root.visit { node in
            if let found = name(node), seen.insert(found).inserted { names.append(found) }
        }
        return names
    }
}
