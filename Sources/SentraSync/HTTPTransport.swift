public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOFoundationCompat
public import SentraCore
import SentraStore

/// Sync over the node HTTP API (Docs/protocol.md): gzip both ways, a bearer token.
public struct HTTPTransport: SyncTransport {
    /// The peer's base URL, such as `http://192.168.43.1:8080`.
    public let baseURL: String
    private let token: String
    private let client: HTTPClient
    private let timeout: TimeAmount
    private let trust: PeerTrust
    private let counter = TrafficCounter()
    /// The largest response accepted, decompressed.
    private let maximumResponseBytes = 256 << 20

    /// - Parameters:
    ///   - timeoutSeconds: for each request, from connecting to the last byte of the answer.
    ///   - trust: the certificates an `https://` peer's certificate may chain to.
    public init(baseURL: String, token: String, client: HTTPClient = HTTPTransport.sharedClient, timeoutSeconds: Int64 = 120,
                trust: PeerTrust = .system) throws(SyncError) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw SyncError(.unreachable, "\(baseURL) is not an http:// or https:// URL")
        }
        self.baseURL = base
        self.token = token
        self.client = client
        timeout = .seconds(timeoutSeconds)
        self.trust = trust
    }

    /// A client for sync: a refused connection fails at once and a silent peer after 5 seconds
    /// (the daemon's backoff does the retrying, not the client), and no automatic decompression,
    /// since the transport limits and decompresses bodies itself.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(120)),
            decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public func state(survey: String) async throws -> NodeState {
        try await send(path: "/v1/surveys/\(survey)/state", body: Optional<PushRequest>.none)
    }

    public func push(_ request: PushRequest, survey: String) async throws -> PushResponse {
        try await push(try preparePush(request), survey: survey)
    }

    /// The push as canonical JSON, gzip-compressed.
    public func preparePush(_ request: PushRequest) throws -> PreparedPush {
        let body = try Self.encode(request)
        return PreparedPush(request: request, body: body.compressed, uncompressedLength: body.length)
    }

    public func push(_ prepared: PreparedPush, survey: String) async throws -> PushResponse {
        guard let body = prepared.body else { return try await send(path: "/v1/surveys/\(survey)/push", body: prepared.request) }
        return try await send(path: "/v1/surveys/\(survey)/push", encoded: (body, prepared.uncompressedLength))
    }

    public func pull(_ request: PullRequest, survey: String) async throws -> PullResponse {
        try await send(path: "/v1/surveys/\(survey)/pull", body: request)
    }

    public func forms(survey: String) async throws -> [PublishedForm] {
        try await send(path: "/v1/surveys/\(survey)/forms", body: Optional<PushRequest>.none)
    }

    public func traffic() -> Traffic { counter.current }

    private func send<Body: Encodable, Answer: Decodable>(path: String, body: Body?) async throws -> Answer {
        try await send(path: path, encoded: try body.map(Self.encode))
    }

    /// A request body as it is sent: JSON (canonical when the body writes itself), gzip-compressed,
    /// and its length before compression.
    private static func encode(_ body: some Encodable) throws -> (compressed: [UInt8], length: Int) {
        let json = try (body as? any JSONWritable).map { Data($0.canonicalJSONBytes) } ?? JSONEncoder().encode(body)
        return (Array(try Gzip.compress(json, level: Gzip.wireLevel)), json.count)
    }

    /// Sends a gzip body (a GET without one) and decodes the answer.
    private func send<Answer: Decodable>(path: String, encoded body: (compressed: [UInt8], length: Int)?) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = body == nil ? .GET : .POST
        request.tlsConfiguration = trust.tlsConfiguration
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        request.headers.add(name: SyncProtocol.versionHeader, value: String(SyncProtocol.version))
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Content-Encoding", value: "gzip")
            request.body = .bytes(ByteBuffer(bytes: body.compressed))
            counter.add(sent: body.compressed.count, sentUncompressed: body.length)
        }
        let response: HTTPClientResponse
        let raw: ByteBuffer
        do {
            response = try await client.execute(request, timeout: timeout)
            raw = try await response.body.collect(upTo: maximumResponseBytes)
        } catch {
            if let failure = PeerTrust.failure(error, baseURL: baseURL) { throw failure }
            throw SyncError(.unreachable, "cannot reach \(baseURL): \(Self.describe(error))", underlying: error)
        }
        counter.add(received: raw.readableBytes)
        var data = Data(buffer: raw)
        if response.headers["Content-Encoding"].contains(where: { $0.lowercased() == "gzip" }) {
            do {
                data = try Gzip.decompress(data, limit: maximumResponseBytes)
            } catch {
                throw SyncError(.peer, "\(baseURL) sent a broken gzip body: \(error)", underlying: error)
            }
        }
        counter.add(receivedUncompressed: data.count)
        guard response.status == .ok || response.status == .created else {
            throw Self.error(status: Int(response.status.code), body: data, baseURL: baseURL)
        }
        if let readable = Answer.self as? any JSONReadable.Type, let answer = try? readable.init(jsonBytes: data) as? Answer {
            return answer
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: data)
        } catch {
            throw SyncError(.peer, "\(baseURL) answered with something that is not a Sentra \(Answer.self) (is it a Sentra node?)", underlying: error)
        }
    }

    private static func error(status: Int, body: Data, baseURL: String) -> SyncError {
        let detail = try? JSONDecoder().decode(ErrorResponse.self, from: body).error
        let message = detail?.message ?? "HTTP \(status)"
        switch (status, detail.map { WireErrorCode(rawValue: $0.code) }) {
        case (401, _): return SyncError(.unauthorized, "\(baseURL) refused the token (401): \(message)")
        case (403, .wrongNode?): return SyncError(.wrongNode, "\(baseURL) refused this device (403): \(message)")
        case (403, _): return SyncError(.forbidden, "\(baseURL) does not allow this token to do that (403): \(message)")
        case (_, .protocolVersion?): return SyncError(.protocolMismatch, "\(baseURL) speaks another sync protocol: \(message)")
        case (404, .unknownSurvey?): return SyncError(.unknownSurvey, "\(baseURL): \(message)")
        default: return SyncError(.peer, "\(baseURL) answered \(status): \(message)")
        }
    }

    /// Why a request never got an answer, decided by the error's type and case, never its text.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where [.connectTimeout, .readTimeout, .deadlineExceeded].contains(error):
            return "no answer in time"
        case let error as HTTPClientError where error == .remoteConnectionClosed:
            return "the connection was closed before an answer (does it serve http or https, as the URL says?)"
        case is NIOConnectionError:
            return "connection refused or timed out"
        case let error as IOError where [ECONNREFUSED, ECONNRESET, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH].contains(error.errnoCode):
            return "connection refused or timed out"
        case ChannelError.connectTimeout:
            return "connection refused or timed out"
        default:
            return "\(error)"
        }
    }
}
