import SentraCore

/// The language of the office pages: Indonesian by default, English at the clerk's choice (a
/// cookie, switched from every page's header).
enum Language: String, Sendable, CaseIterable {
    case id
    case en

    /// The other language, which the switch in the header offers.
    var other: Language { self == .id ? .en : .id }

    /// The language's own name, for the switch.
    var name: String { self == .id ? "Bahasa Indonesia" : "English" }

    /// The text in this language: `id` in Indonesian, `en` in English.
    func callAsFunction(_ id: String, _ en: String) -> String {
        self == .id ? id : en
    }

    /// A form's text in this language. Forms name languages as XLSForm does, `Indonesian (id)`,
    /// or by code alone; failing both, the form's own choice of text.
    func text(_ text: LocalizedText?, fallback: String) -> String {
        guard let text else { return fallback }
        let key = text.texts.keys.first { $0 == rawValue || $0.hasSuffix("(\(rawValue))") }
        return key.flatMap { text.texts[$0] } ?? text.text(in: nil) ?? fallback
    }
}
