/// One token of a form expression, and where it starts (in Unicode scalars from 0).
struct ExpressionToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// `12` or `3.5`: digits, optionally a `.` and more digits. Never negative.
        case number(Double)
        /// `'text'` or `"text"`, without the quotes.
        case string(String)
        /// `.`, the value of the field being checked.
        case dot
        /// `${name}`, with the name only.
        case field(String)
        /// A name: a function, a keyword (`and`, `or`, `div`, `mod`) or a choice column.
        case name(String)
        /// An operator or punctuation.
        case symbol(Symbol)
        /// The end of the text.
        case end
    }

    enum Symbol: String, Hashable, Sendable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case plus = "+", minus = "-", times = "*"
        case open = "(", close = ")", comma = ","
    }

    var kind: Kind
    var offset: Int

    /// The token as the author wrote it, for messages: `")"`, `"and"`, `the end of the expression`.
    var quoted: String {
        switch kind {
        case .number(let value): "\"\(ExpressionValue.number(value).string)\""
        case .string(let text): text.contains("'") ? "\"\(text)\"" : "'\(text)'"
        case .dot: "\".\""
        case .field(let name): "\"${\(name)}\""
        case .name(let name): "\"\(name)\""
        case .symbol(let symbol): "\"\(symbol.rawValue)\""
        case .end: "the end of the expression"
        }
    }

    /// Whether the token is the keyword `word` (`and`, `or`, `div`, `mod`).
    func isKeyword(_ word: String) -> Bool {
        if case .name(let name) = kind { name == word } else { false }
    }

    /// The words that are operators, never names of columns.
    static let keywords: Set<String> = ["and", "or", "div", "mod"]
}
