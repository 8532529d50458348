/// Splits the text of a form expression into tokens.
///
/// - Whitespace is space, tab, carriage return and line feed; it separates tokens and is
///   otherwise ignored.
/// - A name is read greedily: an ASCII letter or `_`, then letters, digits, `_`, `-` and `.`. So
///   `count-selected` and `a-b` are one name each; subtraction after a name needs a space
///   (`desa - 1`). After `${…}`, `.`, a number or `)`, a `-` is always the minus operator.
/// - Common mistakes from other languages (`==`, `&&`, `||`, `/`, `%`) get a message that names
///   the right operator.
struct ExpressionTokenizer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    private init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// All the tokens of `scalars`, ending with one `.end` token.
    static func tokens(_ scalars: [Unicode.Scalar]) throws(ExpressionError) -> [ExpressionToken] {
        var tokenizer = ExpressionTokenizer(scalars)
        var tokens: [ExpressionToken] = []
        while let token = try tokenizer.next() { tokens.append(token) }
        tokens.append(ExpressionToken(kind: .end, offset: scalars.count))
        return tokens
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func next() throws(ExpressionError) -> ExpressionToken? {
        while let scalar = peek(), Self.isWhitespace(scalar) { position += 1 }
        guard let scalar = peek() else { return nil }
        let start = position
        func token(_ kind: ExpressionToken.Kind, length: Int) -> ExpressionToken {
            position += length
            return ExpressionToken(kind: kind, offset: start)
        }
        switch scalar {
        case "0"..."9":
            return try number()
        case "'", "\"":
            return try string(quote: scalar)
        case "$":
            return try field()
        case _ where Self.isNameStart(scalar):
            return name()
        case ".": return token(.dot, length: 1)
        case "=":
            if peek(1) == "=" { throw Self.hint("use \"=\" instead of \"==\"", at: start) }
            return token(.symbol(.equal), length: 1)
        case "!":
            guard peek(1) == "=" else { throw Self.hint("use \"not(…)\" or \"!=\" instead of \"!\"", at: start) }
            return token(.symbol(.notEqual), length: 2)
        case "<": return peek(1) == "=" ? token(.symbol(.lessOrEqual), length: 2) : token(.symbol(.less), length: 1)
        case ">": return peek(1) == "=" ? token(.symbol(.greaterOrEqual), length: 2) : token(.symbol(.greater), length: 1)
        case "+": return token(.symbol(.plus), length: 1)
        case "-": return token(.symbol(.minus), length: 1)
        case "*": return token(.symbol(.times), length: 1)
        case "(": return token(.symbol(.open), length: 1)
        case ")": return token(.symbol(.close), length: 1)
        case ",": return token(.symbol(.comma), length: 1)
        case "&" where peek(1) == "&": throw Self.hint("use \"and\" instead of \"&&\"", at: start)
        case "|" where peek(1) == "|": throw Self.hint("use \"or\" instead of \"||\"", at: start)
        case "/": throw Self.hint("use \"div\" instead of \"/\"", at: start)
        case "%": throw Self.hint("use \"mod\" instead of \"%\"", at: start)
        default:
            throw ExpressionError(.syntax, "unexpected \(Self.show(scalar)) at character \(start + 1)", offset: start)
        }
    }

    /// `digits ["." digits]`; a `.` not followed by a digit is left for the next token.
    private mutating func number() throws(ExpressionError) -> ExpressionToken {
        let start = position
        while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        if peek() == ".", let after = peek(1), Self.isDigit(after) {
            position += 1
            while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError(.syntax, "number \(text.prefix(20))… is too large at character \(start + 1)", offset: start)
        }
        return ExpressionToken(kind: .number(value), offset: start)
    }

    /// `'…'` or `"…"`, with no escapes: the other quote may appear inside.
    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> ExpressionToken {
        let start = position
        position += 1
        while let scalar = peek(), scalar != quote { position += 1 }
        guard peek() == quote else {
            throw ExpressionError(.syntax, "unterminated string starting at character \(start + 1): add the closing \(quote)", offset: start)
        }
        let text = String(String.UnicodeScalarView(scalars[(start + 1)..<position]))
        position += 1
        return ExpressionToken(kind: .string(text), offset: start)
    }

    /// `${name}`, where the name is one or more of `[A-Za-z0-9_-]`, as field names are.
    private mutating func field() throws(ExpressionError) -> ExpressionToken {
        let start = position
        guard peek(1) == "{" else {
            throw ExpressionError(.syntax, "unexpected \"$\" at character \(start + 1): write a field as ${name}", offset: start)
        }
        position += 2
        let nameStart = position
        while let scalar = peek(), Self.isFieldNameCharacter(scalar) { position += 1 }
        guard position > nameStart else {
            throw ExpressionError(.syntax, "expected a field name after \"${\" at character \(position + 1)", offset: position)
        }
        guard peek() == "}" else {
            throw ExpressionError(.syntax, "expected \"}\" at character \(position + 1)", offset: position)
        }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<position]))
        position += 1
        return ExpressionToken(kind: .field(name), offset: start)
    }

    /// A letter or `_`, then letters, digits, `_`, `-` and `.`, read greedily.
    private mutating func name() -> ExpressionToken {
        let start = position
        position += 1
        while let scalar = peek(), Self.isNameCharacter(scalar) { position += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<position]))
        return ExpressionToken(kind: .name(name), offset: start)
    }

    private static func hint(_ text: String, at offset: Int) -> ExpressionError {
        ExpressionError(.syntax, "\(text) at character \(offset + 1)", offset: offset)
    }

    /// A character for a message: itself in quotes if printable ASCII, else its code point.
    static func show(_ scalar: Unicode.Scalar) -> String {
        if scalar.value >= 0x21 && scalar.value < 0x7F { return "\"\(scalar)\"" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "character U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) || scalar == "_" }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || scalar == "_" || scalar == "-" || scalar == "."
    }

    static func isFieldNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || scalar == "_" || scalar == "-"
    }
}
