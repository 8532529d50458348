/// Why a form expression could not be parsed: a code callers can match, a one-line message for
/// the form author, and where in the text it went wrong.
///
/// The message never names the form field; the caller adds that context.
///
/// ```swift
/// do { _ = try FormExpression.parse("concat(${a}, 'x')") }
/// catch where error.code == .unknownFunction { print(error) }   // unknown function "concat()" at character 1
/// ```
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A kind of expression error. The raw values are the codes of `Tests/Fixtures/expression-cases.json`.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The text does not follow the grammar: an unexpected character or token, a missing `)`,
        /// an unterminated string, chained comparisons, an empty expression.
        case syntax
        /// A function that is not one of the seven the language has.
        case unknownFunction
        /// A known function called with the wrong number of arguments.
        case wrongArgumentCount
        /// A `regex()` pattern, written as a string literal, that is not a valid regular expression.
        case invalidRegex
        /// A bare name such as `desa` outside a `choice_filter`, where `${desa}` is meant.
        case bareName
        /// The expression nests more than ``FormExpression/maximumDepth`` levels, or is longer than
        /// ``FormExpression/maximumLength`` characters.
        case tooDeep
    }

    /// What kind of error this is.
    public var code: Code
    /// One plain line for the form author, ending with the position, e.g.
    /// `expected ")" at character 12`.
    public var message: String
    /// Where the error is, counted in Unicode scalars (code points) from 0; the message shows it
    /// counted from 1, as "character N".
    public var offset: Int

    /// An error at `offset`; `message` should say what is wrong and where.
    public init(_ code: Code, _ message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
