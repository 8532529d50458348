/// An error from a sync: a code callers can match and one line a person can act on.
public struct SyncError: Error, Sendable, CustomStringConvertible {
    /// A kind of sync error.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The peer could not be reached, or the connection broke.
        public static let unreachable = Code(rawValue: "unreachable")
        /// The peer refused the token (HTTP 401).
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// The token may not do this (HTTP 403).
        public static let forbidden = Code(rawValue: "forbidden")
        /// The token belongs to another device (HTTP 403 `wrong_node`): this device needs its own.
        public static let wrongNode = Code(rawValue: "wrong_node")
        /// The peer speaks another protocol version.
        public static let protocolMismatch = Code(rawValue: "protocol_version")
        /// The peer answered with an error or something unreadable.
        public static let peer = Code(rawValue: "peer_error")
        /// The peer does not hold the survey.
        public static let unknownSurvey = Code(rawValue: "unknown_survey")
        /// The TLS handshake with an `https://` peer failed: its certificate is not trusted (see
        /// ``PeerTrust``), or it does not serve HTTPS there. Nothing was sent.
        public static let tlsUntrusted = Code(rawValue: "tls_untrusted")
        /// The CA certificate file to trust is missing or holds no PEM certificate.
        public static let caCertificate = Code(rawValue: "ca_certificate")
    }

    public var code: Code
    public var message: String
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
