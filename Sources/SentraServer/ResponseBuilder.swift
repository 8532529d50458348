import Foundation
import Hummingbird
import SentraCore
import SentraStore

/// Builds the node's responses: JSON documents or raw bytes, gzip-compressed when the client
/// accepts gzip and the body is over ``compressionThreshold``.
enum ResponseBuilder {
    /// Bodies up to this many bytes are sent as they are: compressing them saves nothing.
    static let compressionThreshold = 1024

    /// `value` as compact JSON with sorted keys.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, for request: Request) throws -> Response {
        if let writable = value as? any JSONWritable {
            return bytes(Data(writable.canonicalJSONBytes), contentType: "application/json; charset=utf-8", status: status, for: request)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return bytes(try encoder.encode(value), contentType: "application/json; charset=utf-8", status: status, for: request)
    }

    /// `data` with its content type, gzip-compressed if the client accepts it.
    static func bytes(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok, for request: Request) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        var body = data
        if data.count > compressionThreshold {
            headers[.vary] = "Accept-Encoding"
            if acceptsGzip(request.headers[.acceptEncoding]), let compressed = try? Gzip.compress(data, level: Gzip.wireLevel) {
                headers[.contentEncoding] = "gzip"
                body = compressed
            }
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A response without a body, such as 204.
    static func empty(status: HTTPResponse.Status) -> Response {
        Response(status: status)
    }

    /// Whether an `Accept-Encoding` header accepts gzip: `gzip`, `x-gzip` or `*`, without `q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, ["gzip", "x-gzip", "*"].contains(coding) else { return false }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }
}
