import Foundation
import Hummingbird
import SentraCore
import SentraStore

/// Reads request bodies within the limits: collects at most ``ServerLimits/maxBodyBytes``,
/// decompresses gzip up to ``ServerLimits/maxDecompressedBytes``, refuses duplicate keys,
/// checks the protocol version, then decodes.
struct RequestReader: Sendable {
    let limits: ServerLimits

    /// The body as sent, decompressed if it is gzip.
    func body(of request: Request) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw ServerError.bodyTooLarge(limit: limits.maxBodyBytes)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw ServerError.bodyTooLarge(limit: limits.maxBodyBytes)
        }
        let data = Data(buffer.readableBytesView)
        switch request.headers[.contentEncoding]?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "identity":
            return data
        case "gzip", "x-gzip":
            do {
                return try Gzip.decompress(data, limit: limits.maxDecompressedBytes)
            } catch let failure as Gzip.Failure where failure.kind == .tooLarge {
                throw ServerError.decompressedTooLarge(limit: limits.maxDecompressedBytes)
            } catch let failure as Gzip.Failure {
                throw ServerError(status: 400, code: .malformedGzip, message: "the gzip request body \(failure.message)")
            }
        case let encoding?:
            throw ServerError.unsupportedEncoding(encoding)
        }
    }

    /// The body decoded as `T`: by ``JSONReader`` and `T`'s own checks when `T` is
    /// ``JSONReadable`` (push bodies), else by `JSONDecoder`, whose errors say what is wrong.
    ///
    /// - Parameter requireProtocol: whether the body must carry `"protocol"` (push and pull do).
    ///   Any body that carries it must carry ``SyncProtocol/version``.
    func decode<T: Decodable>(_ type: T.Type, from request: Request, requireProtocol: Bool) async throws -> T {
        try decode(type, from: try await body(of: request), requireProtocol: requireProtocol)
    }

    func decode<T: Decodable>(_ type: T.Type, from data: Data, requireProtocol: Bool) throws -> T {
        if let readable = T.self as? any JSONReadable.Type {
            return try read(readable, from: data, requireProtocol: requireProtocol) as! T
        }
        if let key = JSONDuplicateKeys.firstDuplicate(in: data) {
            throw ServerError.duplicateKey(key)
        }
        let decoder = JSONDecoder()
        let probe: ProtocolProbe
        do {
            // The probe itself accepts any JSON value, so whatever it throws is a syntax error.
            probe = try decoder.decode(ProtocolProbe.self, from: data)
        } catch {
            throw ServerError.malformedJSON(RequestReader.syntaxDetail(error))
        }
        try RequestReader.checkProtocol(isObject: probe.isObject, hasKey: probe.hasKey, version: probe.version, required: requireProtocol)
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RequestReader.describe(error)
        }
    }

    /// A ``JSONReadable`` body: parsed by ``JSONReader`` (numbers of any size are JSON; a value out
    /// of range is the body's fault, not the syntax's), then checked by `T` itself.
    private func read(_ type: any JSONReadable.Type, from data: Data, requireProtocol: Bool) throws -> any JSONReadable {
        let json: FieldValue
        do {
            json = try JSONReader.parse(data)
        } catch let failure as JSONReader.Failure {
            throw ServerError.malformedJSON(failure.description)
        }
        if let key = JSONDuplicateKeys.firstDuplicate(in: data) {
            throw ServerError.duplicateKey(key)
        }
        let members: [String: FieldValue]? = if case .object(let members) = json { members } else { nil }
        let version = if case .integer(let value)? = members?["protocol"] { Int(exactly: value) } else { Int?.none }
        try RequestReader.checkProtocol(isObject: members != nil, hasKey: members?["protocol"] != nil, version: version, required: requireProtocol)
        do {
            return try type.init(json: json)
        } catch let error as CoreError {
            throw ServerError.invalidBody(error.message)
        }
    }

    /// Refuses a body of another protocol version, or without one where `required`.
    private static func checkProtocol(isObject: Bool, hasKey: Bool, version: Int?, required: Bool) throws {
        if isObject, hasKey ? version != SyncProtocol.version : required {
            throw ServerError.protocolVersion(version)
        }
    }

    /// What the JSON parser said, as one line.
    private static func syntaxDetail(_ error: any Error) -> String {
        guard case .dataCorrupted(let context)? = error as? DecodingError else { return "\(error)" }
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return underlying ?? context.debugDescription
    }

    /// Valid JSON of the wrong shape: `invalid_body`, saying where.
    private static func describe(_ error: DecodingError) -> ServerError {
        switch error {
        case .typeMismatch(let type, let context): return .invalidBody("\(path(context)): expected \(type)")
        case .valueNotFound(let type, let context): return .invalidBody("\(path(context)): missing \(type)")
        case .keyNotFound(let key, let context): return .invalidBody("\(path(context, key))missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context): return .invalidBody("\(path(context)): \(context.debugDescription)")
        @unknown default: return .invalidBody("\(error)")
        }
    }

    private static func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        if key != nil { return path.isEmpty ? "" : "\(path): " }
        return path.isEmpty ? "body" : path
    }
}

/// The `"protocol"` member of a JSON object body, read before the rest.
private struct ProtocolProbe: Decodable {
    var isObject = false
    var hasKey = false
    var version: Int?

    private enum CodingKeys: String, CodingKey { case `protocol` }

    init(from decoder: any Decoder) throws {
        // A body that is not an object has no protocol member; decoding it as T says what is wrong.
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            return
        }
        isObject = true
        hasKey = container.contains(.protocol)
        version = try? container.decodeIfPresent(Int.self, forKey: .protocol)
    }
}
