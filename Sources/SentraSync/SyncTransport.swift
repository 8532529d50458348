public import SentraCore

/// How a sync session reaches its peer: HTTP, a bundle file, or memory in tests.
///
/// Each call is one request and its answer. A transport does not retry: a failed call fails the
/// sync, and the next sync resumes from the saved cursors.
public protocol SyncTransport: Sendable {
    /// The peer's state for `survey`.
    func state(survey: String) async throws -> NodeState
    /// Sends a batch; the peer applies it in one transaction.
    func push(_ request: PushRequest, survey: String) async throws -> PushResponse
    /// Asks for a batch of changes.
    func pull(_ request: PullRequest, survey: String) async throws -> PullResponse
    /// Bytes sent and received so far, as they crossed the wire.
    func traffic() -> Traffic
    /// Whether the peer's log positions are stable, so cursors into it may be saved. A bundle
    /// file's are not: the next bundle from the same node numbers its changes afresh.
    var keepsCursors: Bool { get }
    /// Makes a push ready to send (encoded, compressed), so that a driver can do it while the
    /// peer applies the batch before.
    func preparePush(_ request: PushRequest) throws -> PreparedPush
    /// Sends a push that ``preparePush(_:)`` made ready.
    func push(_ prepared: PreparedPush, survey: String) async throws -> PushResponse
    /// The published forms the peer holds for `survey`.
    func forms(survey: String) async throws -> [PublishedForm]
}

extension SyncTransport {
    public var keepsCursors: Bool { true }

    public func forms(survey: String) async throws -> [PublishedForm] { [] }

    public func preparePush(_ request: PushRequest) throws -> PreparedPush {
        PreparedPush(request: request, body: nil)
    }

    public func push(_ prepared: PreparedPush, survey: String) async throws -> PushResponse {
        try await push(prepared.request, survey: survey)
    }
}

/// A push ready to send: the request and, for transports that encode it, its body.
public struct PreparedPush: Sendable {
    public let request: PushRequest
    /// The body as the transport sends it; nil when the transport sends the request itself.
    public let body: [UInt8]?
    /// The body's length before compression.
    public let uncompressedLength: Int

    public init(request: PushRequest, body: [UInt8]?, uncompressedLength: Int = 0) {
        self.request = request
        self.body = body
        self.uncompressedLength = uncompressedLength
    }
}

/// Bytes moved by a transport.
public struct Traffic: Hashable, Sendable, Codable {
    /// Bytes sent, as on the wire (compressed).
    public var sent: Int
    /// Bytes received, as on the wire (compressed).
    public var received: Int
    /// The JSON bodies sent, before compression.
    public var sentUncompressed: Int
    /// The JSON bodies received, after decompression.
    public var receivedUncompressed: Int

    public init(sent: Int = 0, received: Int = 0, sentUncompressed: Int = 0, receivedUncompressed: Int = 0) {
        self.sent = sent
        self.received = received
        self.sentUncompressed = sentUncompressed
        self.receivedUncompressed = receivedUncompressed
    }
}
