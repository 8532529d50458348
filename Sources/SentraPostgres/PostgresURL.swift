public import PostgresNIO
import Foundation

/// A PostgreSQL address as operators write it, read into PostgresNIO's configuration:
///
/// - `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (TCP), with libpq's `sslmode`: `disable` never
///   uses TLS; `allow` and `prefer` (the default) use it when the server offers it; `require`
///   insists on it; none of these checks the server's certificate. `verify-ca` also checks that the
///   certificate chains to a trusted CA, and `verify-full` that it names the host too. The CA is the
///   machine's store, or the file `sslrootcert=PATH` names;
/// - `postgres://USER@/DATABASE?host=/run/postgresql` (the server's Unix socket in that folder, as
///   libpq reads `host=`).
public struct PostgresURL: Sendable, CustomStringConvertible {
    /// The configuration PostgresNIO connects with.
    public let configuration: PostgresClient.Configuration
    /// The same address for one connection of its own: what ``PostgresStore`` tries when the pool
    /// cannot connect, to say why (the pool reports only that it gave up).
    let single: PostgresConnection.Configuration
    /// The address without its password, for logs and messages.
    public let description: String

    /// Reads `text`. Throws ``PostgresStoreError`` `invalid_url`, naming what is wrong.
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresStoreError(.invalidURL, "\"\(text)\" is not a PostgreSQL URL such as postgres://sentra@localhost:5432/sentra")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = components.password.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let port = components.port ?? Int(query["port"] ?? "") ?? 5432
        let (use, tls) = try Self.tls(mode: query["sslmode"] ?? "prefer", rootCertificate: query["sslrootcert"])
        if let folder = query["host"], folder.hasPrefix("/") {
            // A Unix socket never uses TLS; sslmode was still checked above, so a typo is not ignored.
            configuration = PostgresClient.Configuration(unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            single = PostgresConnection.Configuration(unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            description = "postgres://\(user)@/\(database)?host=\(folder)"
            return
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError(.invalidURL, "\"\(text)\" names no host: write postgres://USER@HOST/DATABASE, or ?host=/socket/folder")
        }
        let poolTLS: PostgresClient.Configuration.TLS
        let singleTLS: PostgresConnection.Configuration.TLS
        switch use {
        case .never:
            (poolTLS, singleTLS) = (.disable, .disable)
        case .ifOffered:
            (poolTLS, singleTLS) = (.prefer(tls), .prefer(try NIOSSLContext(configuration: tls)))
        case .always:
            (poolTLS, singleTLS) = (.require(tls), .require(try NIOSSLContext(configuration: tls)))
        }
        configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: poolTLS)
        single = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: singleTLS)
        description = "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// When a connection uses TLS.
    private enum TLSUse { case never, ifOffered, always }

    /// What `sslmode` means, as libpq reads it: when to use TLS, and what to check.
    private static func tls(mode: String, rootCertificate: String?) throws -> (TLSUse, TLSConfiguration) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate { tls.trustRoots = .file(rootCertificate) }
        switch mode {
        case "disable":
            return (.never, tls)
        case "allow", "prefer":
            tls.certificateVerification = .none
            return (.ifOffered, tls)
        case "require":
            tls.certificateVerification = .none
            return (.always, tls)
        case "verify-ca":
            tls.certificateVerification = .noHostnameVerification
            return (.always, tls)
        case "verify-full":
            return (.always, tls)
        default:
            throw PostgresStoreError(.invalidURL, "sslmode \"\(mode)\" is not one of disable, allow, prefer, require, verify-ca or verify-full")
        }
    }
}
