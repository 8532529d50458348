import Foundation
import PostgresNIO
public import SentraCore
import SentraStore

/// Published forms on PostgreSQL: what `GET /forms` serves and `GET /state` versions.
extension PostgresStore {
    public func forms(survey: String) async throws -> [PublishedForm] {
        try await client.withConnection { connection in
            _ = try await Self.survey(survey, on: connection, logger: logger)
            return try await Self.publishedForms(survey, on: connection, logger: logger).values.sorted { $0.form.name < $1.form.name }
        }
    }

    /// Publishes a form with a higher version than the one held, as `sentra form publish` does.
    public func publishForm(_ form: FormDefinition, survey: String) async throws -> PublishedForm {
        do {
            try form.validate()
        } catch {
            throw StoreError(.invalidInput, error.message, underlying: error)
        }
        let node = node
        let logger = logger
        return try await Self.transaction(client, logger: logger) { connection in
            _ = try await Self.survey(survey, on: connection, logger: logger)
            try await LogAppend.lock(survey, on: connection, logger: logger)
            if let held = try await Self.publishedForms(survey, on: connection, logger: logger)[form.name] {
                if held.publisher.id != node.id {
                    throw StoreError(.notFormPublisher, "form \(form.name) is published by \(held.publisher.name); publish its new versions there")
                }
                guard form.version > held.form.version else {
                    throw StoreError(.staleFormVersion, "form \(form.name) is at version \(held.form.version) here; a publish must raise the version (this file has \(form.version))")
                }
            }
            let published = PublishedForm(form: form, publisher: node, publishedAt: Date().ISO8601Format())
            let json = String(decoding: try JSONEncoder.sentraCanonical.encode(published), as: UTF8.self)
            try await connection.query("""
                INSERT INTO form (survey, name, version, published) VALUES (\(survey), \(form.name), \(form.version), \(json))
                ON CONFLICT (survey, name) DO UPDATE SET version = EXCLUDED.version, published = EXCLUDED.published
                """, logger: logger)
            return published
        }
    }

    static func publishedForms(_ survey: String, on connection: PostgresConnection, logger: Logger) async throws -> [String: PublishedForm] {
        var forms: [String: PublishedForm] = [:]
        for try await json in try await connection.query("SELECT published FROM form WHERE survey = \(survey)", logger: logger).decode(String.self) {
            let published = try JSONDecoder().decode(PublishedForm.self, from: Data(json.utf8))
            forms[published.form.name] = published
        }
        return forms
    }

    static func formVersions(_ survey: String, on connection: PostgresConnection, logger: Logger) async throws -> [String: Int64] {
        var versions: [String: Int64] = [:]
        for try await (name, version) in try await connection.query("SELECT name, version FROM form WHERE survey = \(survey)", logger: logger)
            .decode((String, Int64).self) {
            versions[name] = version
        }
        return versions
    }
}
