import Foundation

/// The link a phone's browser opens to enrol as a Sentra device (issue 14):
/// `<node>/field/#enrol=<percent-encoded JSON {"node": "<node>", "token": "<token>", "survey": "<survey or null>"}>`.
///
/// The token rides in the fragment, which a browser never sends, so it reaches no server's or
/// proxy's access log. The format is fixed: the field page parses it.
///
/// ```swift
/// let node = try EnrolmentLink.nodeURL("https://kantor.example:8443/")   // "https://kantor.example:8443"
/// EnrolmentLink(node: node, token: token, survey: "ikm-konveksi").url
/// ```
public struct EnrolmentLink: Sendable, Equatable {
    /// The node's base URL, http(s), without a trailing slash, query or fragment.
    public let node: String
    /// The device's bearer token.
    public let token: String
    /// The one survey the token is for, or nil for every survey.
    public let survey: String?

    /// A link for `token` at `node`, a base URL as ``nodeURL(_:)`` returns it.
    public init(node: String, token: String, survey: String?) {
        self.node = node
        self.token = token
        self.survey = survey
    }

    /// The characters left as they are in the fragment: those JavaScript's `encodeURIComponent` keeps.
    static let unescaped = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")

    /// The JSON in the fragment, keys in the order node, token, survey; `survey` is null when the
    /// token is for every survey.
    public var payload: String {
        func quoted(_ text: String) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(text)) ?? Data("null".utf8), as: UTF8.self)
        }
        return #"{"node":\#(quoted(node)),"token":\#(quoted(token)),"survey":\#(survey.map(quoted) ?? "null")}"#
    }

    /// The whole link.
    public var url: String {
        "\(node)/field/#enrol=" + (payload.addingPercentEncoding(withAllowedCharacters: Self.unescaped) ?? payload)
    }

    /// Checks `text` as a node's base URL for a link and returns it without trailing slashes.
    ///
    /// Accepts `http` and `https` URLs with a host, and refuses a query, a fragment or a user name
    /// or password (the link is printed and photographed) with ``QRError`` `.invalidNodeURL`,
    /// whose message quotes `text` and says what is wrong.
    public static func nodeURL(_ text: String) throws -> String {
        let trimmed = String(text.reversed().drop { $0 == "/" }.reversed())
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty else {
            throw QRError(.invalidNodeURL, "\"\(text)\" is not a URL such as https://kantor.example:8443")
        }
        guard scheme == "http" || scheme == "https" else {
            throw QRError(.invalidNodeURL, "\"\(text)\" must start with https:// or http://")
        }
        guard components.query == nil, components.fragment == nil else {
            throw QRError(.invalidNodeURL, "\"\(text)\" must not have a query (?…) or a fragment (#…): give the node's address only")
        }
        guard components.user == nil, components.password == nil else {
            throw QRError(.invalidNodeURL, "\"\(text)\" must not carry a user name or password")
        }
        guard !trimmed.contains(where: \.isWhitespace) else {
            throw QRError(.invalidNodeURL, "\"\(text)\" must not contain spaces")
        }
        return trimmed
    }
}
