/// The code of an error a node answers with (`{"error": {"code": …}}`), shared by the server
/// that sends it and the clients that act on it: callers match codes, never message text.
///
/// ```swift
/// switch WireErrorCode(rawValue: response.error.code) {
/// case .causalGap: …          // read the peer's log again
/// case .wrongNode: …          // this device needs its own token
/// default: …
/// }
/// ```
///
/// Codes are open: a newer node may send one this type does not name. Clients treat an unknown
/// code by its HTTP status class. Docs/protocol.md §7 lists every code with its status.
public struct WireErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    // MARK: The request itself (400, 413, 415)

    /// The `Sentra-Protocol` header or the body's `protocol` is not this node's version.
    public static let protocolVersion = Self(rawValue: "protocol_version")
    /// The body is not JSON.
    public static let malformedJSON = Self(rawValue: "malformed_json")
    /// The body repeats a key in one object.
    public static let duplicateKey = Self(rawValue: "duplicate_key")
    /// JSON, but not what the route takes (a change the protocol forbids included).
    public static let invalidBody = Self(rawValue: "invalid_body")
    /// `Content-Encoding: gzip`, but not a valid gzip stream.
    public static let malformedGzip = Self(rawValue: "malformed_gzip")
    /// A bad query or path parameter.
    public static let invalidQuery = Self(rawValue: "invalid_query")
    /// The body is over the node's limit as sent.
    public static let bodyTooLarge = Self(rawValue: "body_too_large")
    /// The gzip body decompresses to more than the node's limit.
    public static let decompressedTooLarge = Self(rawValue: "decompressed_too_large")
    /// A push with more changes than the node takes at once.
    public static let batchTooLarge = Self(rawValue: "batch_too_large")
    /// A content encoding other than gzip or identity.
    public static let unsupportedEncoding = Self(rawValue: "unsupported_encoding")

    // MARK: Who may do what (401, 403)

    /// No token, or one the node does not know or has revoked.
    public static let unauthorized = Self(rawValue: "unauthorized")
    /// The token's role or survey scope does not allow the route.
    public static let forbidden = Self(rawValue: "forbidden")
    /// The request names a node other than the one its token is bound to.
    public static let wrongNode = Self(rawValue: "wrong_node")
    /// A pushed change sets a record's review, and its origin is not an office node in the
    /// receiving node's registry (decision 0013).
    public static let notOffice = Self(rawValue: "not_office")
    /// A change under the receiving node's own ID that it never wrote.
    public static let ownOrigin = Self(rawValue: "own_origin")

    // MARK: What the request names (404, 409, 422)

    /// No such route.
    public static let notFound = Self(rawValue: "not_found")
    /// The node does not hold the survey.
    public static let unknownSurvey = Self(rawValue: "unknown_survey")
    /// No such record in the survey.
    public static let unknownRecord = Self(rawValue: "unknown_record")
    /// No such token.
    public static let unknownToken = Self(rawValue: "unknown_token")
    /// A token of that name exists already.
    public static let tokenExists = Self(rawValue: "token_exists")
    /// The batch skips a change it depends on.
    public static let causalGap = Self(rawValue: "causal_gap")
    /// A change reuses a held dot with other content.
    public static let conflictingDot = Self(rawValue: "conflicting_dot")
    /// A record with that ID exists already.
    public static let duplicateRecord = Self(rawValue: "duplicate_record")
    /// A form publish that does not raise the version the node holds.
    public static let staleFormVersion = Self(rawValue: "stale_form_version")
    /// A form publish on a node that holds the form from another publisher.
    public static let notFormPublisher = Self(rawValue: "not_form_publisher")
    /// A form definition that is not valid (a bad name, a field without choices, a bad expression).
    public static let invalidForm = Self(rawValue: "invalid_form")
    /// A value, a name or a resolution that is not valid.
    public static let invalidInput = Self(rawValue: "invalid_input")

    // MARK: The node (500, 503, 507)

    /// The node's disk is full; nothing was written.
    public static let diskFull = Self(rawValue: "disk_full")
    /// The node's store was busy too long; nothing was written, try again.
    public static let storageBusy = Self(rawValue: "storage_busy")
    /// The node's store failed; nothing was written.
    public static let storage = Self(rawValue: "storage")
    /// Anything else the node did not expect; its log has the details.
    public static let `internal` = Self(rawValue: "internal")
}
