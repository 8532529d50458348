import Foundation
import SentraStore

/// The field app's static files: the ones built into the binary by the EmbedFieldApp plugin from
/// Sources/SentraWeb/FieldApp (its tests and notes left out), or, while developing the app, the
/// same folder read from disk.
struct FieldAppFiles: Sendable {
    /// One served file.
    struct File: Sendable {
        let bytes: [UInt8]
        let contentType: String
        /// A strong validator: a hash of the bytes, quoted.
        let etag: String
        /// The bytes gzip-compressed, when that makes them smaller: a first load is about a
        /// third of the app's size (UX.md: at most 300 KB).
        let gzipped: [UInt8]?

        init(bytes: [UInt8], contentType: String) {
            self.bytes = bytes
            self.contentType = contentType
            etag = "\"\(FieldAppFiles.hex(FieldAppFiles.fnv1a(bytes)))\""
            let compressed = bytes.count > 1024 ? (try? Gzip.compress(Data(bytes), level: 9)).map { [UInt8]($0) } : nil
            gzipped = compressed.flatMap { $0.count < bytes.count ? $0 : nil }
        }
    }

    /// Every file by its path under `/field/`, such as `js/app.js`.
    let files: [String: File]
    /// The app's version: one hash over every file's path and bytes. The service worker keeps its
    /// cache under this name, so a node with other files makes phones fetch the app again.
    let version: String
    /// The service worker with the app's version and file list filled in: it caches every file
    /// under the version's name, and a new version makes a new worker (sw.js).
    let serviceWorker: File

    init(contents: [String: [UInt8]]) {
        var files: [String: File] = [:]
        var all: [UInt8] = []
        for path in contents.keys.sorted() {
            let bytes = contents[path]!
            files[path] = File(bytes: bytes, contentType: Self.contentType(of: path))
            all += Array(path.utf8) + [0] + bytes + [0]
        }
        self.files = files
        let version = Self.hex(Self.fnv1a(all))
        self.version = version
        let list = "[" + files.keys.filter { $0 != "sw.js" }.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        serviceWorker = File(bytes: Array(String(decoding: contents["sw.js"] ?? [], as: UTF8.self)
            .replacingOccurrences(of: "\"__SENTRA_FIELD_VERSION__\"", with: "\"\(version)\"")
            .replacingOccurrences(of: "\"__SENTRA_FIELD_FILES__\"", with: list).utf8), contentType: Self.contentType(of: "sw.js"))
    }

    /// The files built into this binary.
    static let embedded = FieldAppFiles(contents: Dictionary(uniqueKeysWithValues: encoded.map {
        ($0.path, [UInt8](Data(base64Encoded: $0.base64) ?? Data()))
    }))

    /// The files in `directory` (a checkout's Sources/SentraWeb/FieldApp), read now, leaving out
    /// `tests/`, Markdown notes and hidden files as the plugin does.
    static func reading(_ directory: URL) throws -> FieldAppFiles {
        let root = directory.standardizedFileURL.path.hasSuffix("/") ? directory.standardizedFileURL.path : directory.standardizedFileURL.path + "/"
        var contents: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return FieldAppFiles(contents: [:]) }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.count))
            if relative.hasPrefix("tests/") || relative.hasSuffix(".md") || relative.hasPrefix(".") { continue }
            contents[relative] = [UInt8](try Data(contentsOf: url))
        }
        return FieldAppFiles(contents: contents)
    }

    /// The media type a browser needs for each kind of file; module scripts must be JavaScript.
    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "webmanifest": "application/manifest+json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }

    /// FNV-1a, 64 bits: enough to tell versions of a few dozen files apart, and not a security hash.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
