/// A failure to make an enrolment link or its QR code: a code callers match, and a message a
/// person can act on.
///
/// ```swift
/// do { _ = try EnrolmentLink.nodeURL(text) }
/// catch let error as QRError where error.code == .invalidNodeURL { … }
/// ```
public struct QRError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The text is longer than the largest QR code holds.
        public static let tooLong = Code(rawValue: "qr_too_long")
        /// The text holds a NUL character, which libqrencode cannot encode.
        public static let nulCharacter = Code(rawValue: "qr_nul_character")
        /// libqrencode failed for another reason (its `errno` is in the message).
        public static let encoderFailed = Code(rawValue: "qr_encoder_failed")
        /// A node address that a link cannot carry: not http(s), no host, a query, a fragment,
        /// a user name or password, or spaces.
        public static let invalidNodeURL = Code(rawValue: "invalid_node_url")
    }

    public let code: Code
    /// One sentence a person can act on.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
