import Foundation
import HTTPTypes
import SentraServer
import Testing

/// Docs/openapi.yaml describes exactly the routes of ``NodeRoutes/all``: the same paths with the
/// same methods, nothing missing and nothing extra, and no token asked of the open routes.
@Suite("OpenAPI document matches the route table")
struct OpenAPIRouteTests {
    /// One operation: a lowercase method and a path template such as `/v1/surveys/{survey}/state`.
    struct Operation: Hashable, CustomStringConvertible {
        var method: String
        var path: String
        var description: String { "\(method.uppercased()) \(path)" }
    }

    /// What the document says about one operation.
    struct Documented {
        var operation: Operation
        /// Whether the operation overrides the global security with `security: []`.
        var isOpen: Bool
    }

    /// The keys of an OpenAPI path item that name operations.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Docs/openapi.yaml, found from this file: Tests/SentraServerTests/ -> ../../Docs/.
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Docs/openapi.yaml")
        .standardizedFileURL

    static let routes = NodeRoutes.all.map { Operation(method: $0.method.rawValue.lowercased(), path: $0.path) }

    /// The operations under the top-level `paths:` key.
    ///
    /// No YAML library is available, so this reads the block layout the document keeps to: a path
    /// is a key indented by exactly two spaces, an operation a method key indented by four, and
    /// an operation's own keys (such as `security:`) are indented by six.
    static func documented() throws -> [Documented] {
        let text = try String(contentsOf: documentURL, encoding: .utf8)
        var operations: [Documented] = []
        var inPaths = false
        var sawPaths = false
        var path: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = withoutComment(String(raw))
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indent = line.prefix { $0 == " " }.count
            if indent == 0 {
                inPaths = line == "paths:"
                if inPaths {
                    #expect(!sawPaths, "the document has two top-level paths: keys")
                    sawPaths = true
                }
                path = nil
                continue
            }
            guard inPaths else { continue }
            let key = line.trimmingCharacters(in: .whitespaces)
            switch indent {
            case 2 where key.hasSuffix(":"):
                path = unquoted(String(key.dropLast()))
            case 4 where key.hasSuffix(":") && methods.contains(String(key.dropLast())):
                let method = String(key.dropLast())
                guard let path else {
                    Issue.record("\(method): an operation outside any path")
                    continue
                }
                operations.append(Documented(operation: Operation(method: method, path: path), isOpen: false))
            case 6 where key == "security: []":
                if let last = operations.indices.last, operations[last].operation.path == path {
                    operations[last].isOpen = true
                }
            default:
                continue
            }
        }
        #expect(sawPaths, "\(documentURL.path) has no top-level paths: key")
        return operations
    }

    /// The line without a trailing ` # comment` (or all of it, for a comment line).
    private static func withoutComment(_ line: String) -> String {
        if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { return "" }
        guard let range = line.range(of: " #") else { return line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        return String(line[..<range.lowerBound]).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    private static func unquoted(_ key: String) -> String {
        for quote in ["\"", "'"] where key.count >= 2 && key.hasPrefix(quote) && key.hasSuffix(quote) {
            return String(key.dropFirst().dropLast())
        }
        return key
    }

    @Test("the document parses into operations, each listed once")
    func parses() throws {
        let operations = try Self.documented().map(\.operation)
        #expect(!operations.isEmpty, "no operations found under paths: in \(Self.documentURL.path)")
        var seen = Set<Operation>()
        for operation in operations {
            #expect(seen.insert(operation).inserted, "\(operation) is documented twice")
        }
    }

    @Test("every route of NodeRoutes.all is documented with its method")
    func everyRouteDocumented() throws {
        let documented = Set(try Self.documented().map(\.operation))
        for route in Self.routes {
            #expect(documented.contains(route), "\(route) is in NodeRoutes.all but not in Docs/openapi.yaml")
        }
    }

    @Test("the document has no path or method that NodeRoutes.all lacks")
    func nothingExtraDocumented() throws {
        let routes = Set(Self.routes)
        for operation in try Self.documented().map(\.operation) {
            #expect(routes.contains(operation), "\(operation) is in Docs/openapi.yaml but not in NodeRoutes.all")
        }
    }

    @Test("exactly the routes that need no token are documented with security: []")
    func openRoutes() throws {
        let open = Set(NodeRoutes.all.filter { $0.role == nil }.map { Operation(method: $0.method.rawValue.lowercased(), path: $0.path) })
        for documented in try Self.documented() where Self.routes.contains(documented.operation) {
            #expect(documented.isOpen == open.contains(documented.operation),
                    "\(documented.operation): security: [] in the document does not match the route's role")
        }
    }
}
