/// Text a form shows, in one or more languages: a label, a hint or a message.
///
/// In a form file it is either one string, or an object from language to text, as XLSForm's
/// `label::Indonesian (id)` columns give it:
///
/// ```json
/// "label": "Nama usaha"
/// "label": {"Indonesian (id)": "Nama usaha", "English (en)": "Business name"}
/// ```
///
/// A plain string is stored under the empty language `""`.
public struct LocalizedText: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// The text by language; `""` is text written without a language.
    public var texts: [String: String]

    public init(_ texts: [String: String]) {
        self.texts = texts
    }

    public init(_ text: String) {
        texts = ["": text]
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// The text in `language`, or failing that the text without a language, or failing that the
    /// text in the first language by name. Nil only when there is no text at all.
    public func text(in language: String?) -> String? {
        if let language, let text = texts[language] { return text }
        if let text = texts[""] { return text }
        return texts.sorted { $0.key < $1.key }.first?.value
    }

    /// The languages the text is written in, by name; `""` included when there is plain text.
    public var languages: [String] { texts.keys.sorted() }
}

extension LocalizedText: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(text)
        } else {
            self.init(try container.decode([String: String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if texts.count == 1, let text = texts[""] {
            try container.encode(text)
        } else {
            try container.encode(texts)
        }
    }
}
