public import PostgresNIO
import Foundation

/// A PostgreSQL address as operators write it, read into PostgresNIO's configuration:
///
/// - `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (TCP; `?sslmode=require` asks for TLS, `disable`
///   refuses it, and the default tries TLS and falls back to plain, as libpq's `prefer`);
/// - `postgres://USER@/DATABASE?host=/run/postgresql` (the server's Unix socket in that folder, as
///   libpq reads `host=`).
public struct PostgresURL: Sendable, CustomStringConvertible {
    /// The configuration PostgresNIO connects with.
    public let configuration: PostgresClient.Configuration
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
        if let folder = query["host"], folder.hasPrefix("/") {
            configuration = PostgresClient.Configuration(unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            description = "postgres://\(user)@/\(database)?host=\(folder)"
            return
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError(.invalidURL, "\"\(text)\" names no host: write postgres://USER@HOST/DATABASE, or ?host=/socket/folder")
        }
        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        description = "postgres://\(user)@\(host):\(port)/\(database)"
    }
}
