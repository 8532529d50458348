/// Text made safe for HTML and XML: the QR code's SVG and the office pages escape with it alike.
package enum MarkupText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in text and in quoted attributes.
    package static func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
