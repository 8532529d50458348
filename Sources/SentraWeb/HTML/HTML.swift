import SentraQR
/// A piece of HTML, safe by construction: text interpolated into it is escaped, and only
/// another ``HTML`` goes in as it is.
///
/// ```swift
/// let name = "<b>Maju</b>"
/// let cell: HTML = "<td>\(name)</td>"   // <td>&lt;b&gt;Maju&lt;/b&gt;</td>
/// ```
struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    private(set) var markup: String

    init(stringLiteral literal: String) {
        markup = literal
    }

    init(stringInterpolation interpolation: StringInterpolation) {
        markup = interpolation.markup
    }

    /// Markup that is trusted as it is: only for constants of this module.
    init(trusted markup: String) {
        self.markup = markup
    }

    /// Nothing.
    static let empty = HTML(trusted: "")

    var description: String { markup }

    /// The pieces one after another.
    init(_ pieces: some Sequence<HTML>) {
        markup = pieces.reduce(into: "") { $0 += $1.markup }
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.markup + rhs.markup) }

    /// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in text and in quoted attributes.
    static func escape(_ text: String) -> String {
        MarkupText.escaped(text)
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { markup += literal }
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        mutating func appendInterpolation(_ pieces: [HTML]) { for piece in pieces { markup += piece.markup } }
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        mutating func appendInterpolation(_ number: Int64) { markup += String(number) }
    }
}
