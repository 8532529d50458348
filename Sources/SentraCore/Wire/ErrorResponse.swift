/// The body of every 4xx and 5xx response: `{"error": {"code": "…", "message": "…"}}`.
public struct ErrorResponse: Hashable, Sendable, Codable {
    /// What went wrong.
    public struct Detail: Hashable, Sendable, Codable {
        /// A stable code scripts can match, such as `causal_gap` or `unauthorized`.
        public var code: String
        /// One sentence a person can act on.
        public var message: String

        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
    }

    public var error: Detail

    public init(code: String, message: String) {
        error = Detail(code: code, message: message)
    }
}
