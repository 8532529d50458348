import Foundation

/// The fields of a form post (`application/x-www-form-urlencoded`) or of a query string, in
/// order, a name repeated for each ticked checkbox.
struct FormBody: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    /// Parses `a=1&b=x+y&c=%C3%A9`: `+` is a space, percent escapes are UTF-8. A pair that is not
    /// valid percent-encoding is left out.
    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FormBody.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? FormBody.decode(parts[1]) : ""
            if let value { fields.append((name, value)) }
        }
    }

    /// The first value of `name`.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The fields as a dictionary, the first value of each name.
    var first: [String: String] {
        var result: [String: String] = [:]
        for field in fields where result[field.name] == nil { result[field.name] = field.value }
        return result
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// `text` encoded for a query string or a form body.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
