import Synchronization

/// How `regex(text, pattern)` compiles and matches its pattern, so that it agrees with a
/// JavaScript `RegExp` with the `u` flag on the syntax both share.
///
/// - Matching works on Unicode scalars (code points), not on grapheme clusters: `.` is one code point.
/// - `\d` is `[0-9]` and `\w` is `[A-Za-z0-9_]`, as in JavaScript; `\b` uses the simple word boundary.
/// - Search semantics: a match anywhere in the text counts. Authors anchor with `^` and `$`, and
///   `$` matches only at the very end, as in JavaScript.
enum ExpressionRegex {
    /// The compiled pattern, or the error of Swift's regex parser.
    static func compile(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        try Regex(pattern)
            .matchingSemantics(.unicodeScalar)
            .asciiOnlyDigits()
            .asciiOnlyWordCharacters()
            .wordBoundaryKind(.simple)
    }

    /// Whether `regex` matches somewhere in `text`.
    static func matches(_ text: String, _ regex: Regex<AnyRegexOutput>) -> Bool {
        text.contains(regex)
    }

    /// The first line of a regex parser error, for a message.
    static func reason(_ error: any Error) -> String {
        String(describing: error).split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "not valid"
    }
}

/// The string-literal patterns of one expression, compiled once when it is parsed.
///
/// `Regex<AnyRegexOutput>` is not `Sendable`, and the standard library does not promise that one
/// regex may match on two threads at once, so matches run under a lock. A pattern computed at run
/// time is compiled for each evaluation instead.
final class CompiledPatterns: Sendable {
    private let regexes: Mutex<[String: Regex<AnyRegexOutput>]>

    init(_ patterns: some Sequence<String>) {
        var regexes: [String: Regex<AnyRegexOutput>] = [:]
        for pattern in patterns where regexes[pattern] == nil {
            regexes[pattern] = try? ExpressionRegex.compile(pattern)
        }
        self.regexes = Mutex(regexes)
    }

    /// Whether `pattern` matches somewhere in `text`; `nil` if the pattern was not compiled here.
    func matches(_ text: String, _ pattern: String) -> Bool? {
        regexes.withLock { regexes in
            regexes[pattern].map { ExpressionRegex.matches(text, $0) }
        }
    }
}
