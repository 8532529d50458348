public import Foundation
public import Hummingbird
import HTTPTypes
import NIOCore

/// The field app, served at `/field/`: a progressive web app that makes a phone's browser a Sentra
/// replica (Docs/field-app.md). Its files are static and public, and hold no data; the app talks
/// to the node's API at `/v1/` with the token it was enrolled with.
///
/// ```swift
/// FieldApp().addRoutes(to: router)   // beside NodeServer's API and OfficeSite's pages
/// ```
///
/// A service worker must be served over HTTPS, or from `localhost`: serve the node with
/// `--tls-cert`/`--tls-key` or behind an HTTPS proxy (Docs/operations.md).
public struct FieldApp: Sendable {
    /// Where the files come from: the binary, or a folder read again at every request.
    let source: @Sendable () throws -> FieldAppFiles

    /// The app built into this binary.
    public init() {
        source = { FieldAppFiles.embedded }
    }

    /// The app read from `directory` (Sources/SentraWeb/FieldApp) at every request, for working on
    /// the app without rebuilding the node (`SENTRA_FIELD_APP_DIR`, Docs/field-app.md).
    public init(developingFrom directory: URL) {
        source = { try FieldAppFiles.reading(directory) }
    }

    /// The built-in app's version, a hash over its files: the service worker's cache name.
    public static var version: String { FieldAppFiles.embedded.version }

    /// Adds `/field/` (the app's page) and `/field/**` (its files) to `router`.
    public func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/field") { request, _ in
            // "/field" and "/field/" reach this route alike; the app's URLs need the slash.
            if !request.uri.path.hasSuffix("/") {
                return Response(status: .movedPermanently, headers: [.location: "/field/"])
            }
            return try serve("index.html", request: request)
        }
        router.get("/field/**") { request, context in
            try serve(context.parameters.getCatchAll().joined(separator: "/"), request: request)
        }
    }

    /// One file, with a validator so that a phone with the file asks, and gets 304, not the bytes;
    /// gzip-compressed when the browser takes it (every browser does).
    func serve(_ path: String, request: Request) throws -> Response {
        let app = try source()
        guard let found = app.files[path] else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "No such file in the field app: /field/\(path)\n")))
        }
        // The worker is served with the app's version and file list filled in (sw.js).
        let file = path == "sw.js" ? app.serviceWorker : found
        let gzip = file.gzipped != nil && Self.acceptsGzip(request.headers[.acceptEncoding])
        var headers: HTTPFields = [
            .contentType: file.contentType,
            // Each encoding is its own representation, with its own validator.
            .eTag: gzip ? String(file.etag.dropLast()) + "-gzip\"" : file.etag,
            .vary: "Accept-Encoding",
            // Always revalidate: the service worker serves offline; online, a new app reaches the phone.
            .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
            Self.referrerPolicy: "no-referrer",
        ]
        if path.hasSuffix(".html") {
            headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        if request.headers[.ifNoneMatch] == headers[.eTag] {
            return Response(status: .notModified, headers: headers)
        }
        if gzip {
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: gzip ? file.gzipped! : file.bytes)))
    }

    /// Whether an `Accept-Encoding` header takes gzip (and does not refuse it with `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            return pieces.first == "gzip" && !pieces.dropFirst().contains { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.00" || $0 == "q=0.000" }
        }
    }

    /// Only the node's own files and API: no inline script, no other origin.
    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
