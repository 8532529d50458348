public import SentraCore

/// An error the HTTP API answers with: a status, a stable code and a message a person can act on.
///
/// Every 4xx and 5xx response carries one as an ``ErrorResponse`` body,
/// `{"error": {"code": "…", "message": "…"}}`. Store errors become server errors only at the
/// boundary (see ``init(_:)``); handlers throw either.
///
/// ```swift
/// throw ServerError.batchTooLarge(count: 9_000, limit: 5_000)
/// ```
public struct ServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status code, such as 401 or 413.
    public var status: Int
    /// A stable code scripts and clients match, such as ``WireErrorCode/unauthorized``.
    public var code: WireErrorCode
    /// One sentence a person can act on.
    public var message: String

    public init(status: Int, code: WireErrorCode, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// No token, or one the node does not know or has revoked.
    static func unauthorized(_ message: String) -> ServerError {
        ServerError(status: 401, code: .unauthorized, message: message)
    }

    /// The token is valid but may not do this.
    static func forbidden(_ message: String) -> ServerError {
        ServerError(status: 403, code: .forbidden, message: message)
    }

    /// A pushed review whose origin is not an office node in the registry (decision 0013).
    static func notOffice(_ message: String) -> ServerError {
        ServerError(status: 403, code: .notOffice, message: message)
    }

    /// A sync that names a node other than the one its token is bound to.
    static func wrongNode(_ message: String) -> ServerError {
        ServerError(status: 403, code: .wrongNode, message: message)
    }

    static func unknownSurvey(_ survey: String) -> ServerError {
        ServerError(status: 404, code: .unknownSurvey, message: "this node does not hold survey \"\(survey)\"")
    }

    static func malformedJSON(_ detail: String) -> ServerError {
        ServerError(status: 400, code: .malformedJSON, message: "the request body is not valid JSON: \(detail)")
    }

    static func duplicateKey(_ key: String) -> ServerError {
        ServerError(status: 400, code: .duplicateKey, message: "the request body repeats the key \"\(key)\" in one object")
    }

    /// The body is JSON but not the shape the route takes.
    static func invalidBody(_ detail: String) -> ServerError {
        ServerError(status: 400, code: .invalidBody, message: "the request body is not what this route takes: \(detail)")
    }

    static func invalidQuery(_ message: String) -> ServerError {
        ServerError(status: 400, code: .invalidQuery, message: message)
    }

    static func invalidInput(_ message: String) -> ServerError {
        ServerError(status: 422, code: .invalidInput, message: message)
    }

    static func protocolVersion(_ version: Int?) -> ServerError {
        let sent = version.map { "protocol version \($0)" } ?? "no protocol version"
        return ServerError(status: 400, code: .protocolVersion,
                           message: "the client speaks \(sent), this server speaks protocol version \(SyncProtocol.version); upgrade the older side")
    }

    static func bodyTooLarge(limit: Int) -> ServerError {
        ServerError(status: 413, code: .bodyTooLarge, message: "the request body is over the limit of \(limit) bytes")
    }

    static func decompressedTooLarge(limit: Int) -> ServerError {
        ServerError(status: 413, code: .decompressedTooLarge,
                    message: "the gzip request body decompresses to more than the limit of \(limit) bytes")
    }

    static func batchTooLarge(count: Int, limit: Int) -> ServerError {
        ServerError(status: 413, code: .batchTooLarge,
                    message: "the batch has \(count) changes, over the limit of \(limit); push smaller batches")
    }

    static func unsupportedEncoding(_ encoding: String) -> ServerError {
        ServerError(status: 415, code: .unsupportedEncoding, message: "content encoding \"\(encoding)\" is not supported; send gzip or identity")
    }
}
