import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Speaks the W3C WebDriver HTTP protocol to one driver: JSON in, the reply's `value` out.
///
/// It uses AsyncHTTPClient, not URLSession: chromedriver writes headers without a space after
/// the colon (`Content-Length:252`), and Foundation's URLSession on Linux fails on them with
/// "Failed writing header".
struct WebDriverClient: Sendable {
    /// The driver's root, such as `http://127.0.0.1:9515`, or a session's, `…/session/{id}`.
    let root: String

    /// How long one command may take: starting Chromium on a loaded 2-core machine is slow.
    static let commandTimeout: TimeAmount = .seconds(90)

    init(root: String) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// A client for `path` under this one's root.
    func appending(_ path: String) -> WebDriverClient {
        WebDriverClient(root: "\(root)/\(path)")
    }

    /// Sends `METHOD path` with an optional JSON body and returns the reply's `value`
    /// (`nil` for JSON null). Throws ``WebDriverError`` when the driver reports an error.
    @discardableResult
    func send(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        var request = HTTPClientRequest(url: path.isEmpty ? root : "\(root)/\(path)")
        request.method = HTTPMethod(rawValue: method)
        if body != nil || method == "POST" {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            let json = try JSONSerialization.data(withJSONObject: body ?? [:])
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: Self.commandTimeout)
        let data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        let status = Int(response.status.code)
        let command = "\(method) /\(path)"
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any],
              object.keys.contains("value") else {
            throw BrowserError(.badResponse, "WebDriver \(command) replied \(status) without a JSON value: \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        let value = object["value"].flatMap { $0 is NSNull ? nil : $0 }
        if let failure = value as? [String: Any], let code = failure["error"] as? String {
            throw WebDriverError(code: .init(rawValue: code), message: failure["message"] as? String ?? "",
                                 status: status, command: command)
        }
        if !(200..<300).contains(status) {
            throw WebDriverError(code: .unknownError, message: "HTTP \(status) without an error code", status: status, command: command)
        }
        return value
    }

    /// `GET /status`'s `ready` flag. Throws when the driver does not answer (yet).
    func isReady() async throws -> Bool {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "\(root)/status"), timeout: .seconds(5))
        let data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["value"] as? [String: Any])?["ready"] as? Bool ?? false
    }
}
