import Foundation

/// The field app's static files, built into the binary by the EmbedFieldApp plugin from
/// Sources/SentraWeb/FieldApp (its tests and notes left out).
enum FieldAppFiles {
    /// One served file.
    struct File: Sendable {
        let bytes: [UInt8]
        let contentType: String
        /// A strong validator: a hash of the bytes, quoted.
        let etag: String
    }

    /// Every file by its path under `/field/`, such as `js/app.js`.
    static let files: [String: File] = {
        var files: [String: File] = [:]
        for (path, base64) in encoded {
            let bytes = [UInt8](Data(base64Encoded: base64) ?? Data())
            files[path] = File(bytes: bytes, contentType: contentType(of: path), etag: "\"\(hex(fnv1a(bytes)))\"")
        }
        return files
    }()

    /// The app's version: one hash over every file's path and bytes. The service worker keeps its
    /// cache under this name, so a node with other files makes phones fetch the app again.
    static let version: String = {
        var all: [UInt8] = []
        for path in files.keys.sorted() {
            all += Array(path.utf8) + [0] + files[path]!.bytes + [0]
        }
        return hex(fnv1a(all))
    }()

    /// The service worker with the app's version and file list filled in: it caches every file
    /// under the version's name, and a new version makes a new worker (sw.js).
    static let serviceWorker: [UInt8] = {
        let source = String(decoding: files["sw.js"]?.bytes ?? [], as: UTF8.self)
        let list = "[" + files.keys.filter { $0 != "sw.js" }.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        return Array(source
            .replacingOccurrences(of: "\"__SENTRA_FIELD_VERSION__\"", with: "\"\(version)\"")
            .replacingOccurrences(of: "\"__SENTRA_FIELD_FILES__\"", with: list).utf8)
    }()

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
