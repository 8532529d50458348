import Foundation
import GRDB
import SentraCore

extension ReplicaTables {
    func form(_ name: String) throws -> FormDefinition? {
        guard let text = try String.fetchOne(statement("SELECT definition FROM form WHERE survey = ? AND name = ?"),
            arguments: [survey, name]) else {
            return nil
        }
        return try FormCache.shared.definition(text)
    }

    func forms() throws -> [String: FormDefinition] {
        var result: [String: FormDefinition] = [:]
        for text in try String.fetchAll(statement("SELECT definition FROM form WHERE survey = ?"), arguments: [survey]) {
            let form = try FormCache.shared.definition(text)
            result[form.name] = form
        }
        return result
    }

    /// Every form of the survey with where it came from, by name.
    func heldForms() throws -> [HeldForm] {
        let names = try nodeNames()
        return try Row.fetchAll(statement("""
            SELECT definition, source, publisher, publisher_name, published_at, received_from, updated_at
            FROM form WHERE survey = ? ORDER BY name
            """), arguments: [survey]).map { row in try heldForm(row, names: names) }
    }

    func heldForm(_ name: String) throws -> HeldForm? {
        guard let row = try Row.fetchOne(statement("""
            SELECT definition, source, publisher, publisher_name, published_at, received_from, updated_at
            FROM form WHERE survey = ? AND name = ?
            """), arguments: [survey, name]) else { return nil }
        return try heldForm(row, names: try nodeNames())
    }

    private func heldForm(_ row: Row, names: [NodeID: String]) throws -> HeldForm {
        func node(_ id: String?, name: String? = nil) -> NodeInfo? {
            guard let id = id.flatMap(NodeID.init(rawValue:)) else { return nil }
            return NodeInfo(id: id, name: name ?? names[id] ?? id.rawValue)
        }
        return HeldForm(definition: try FormCache.shared.definition(row["definition"]),
                        source: HeldForm.Source(rawValue: row["source"]) ?? .imported,
                        publisher: node(row["publisher"], name: row["publisher_name"]), publishedAt: row["published_at"],
                        receivedFrom: node(row["received_from"]), updatedAt: row["updated_at"])
    }

    /// The version of each form that travels (published or received), by name.
    func publishedFormVersions() throws -> [String: Int64] {
        var versions: [String: Int64] = [:]
        for row in try Row.fetchAll(statement("SELECT name, version FROM form WHERE survey = ? AND source != 'imported'"), arguments: [survey]) {
            versions[row["name"]] = row["version"]
        }
        return versions
    }

    /// The forms that travel, as a peer is given them.
    func publishedForms() throws -> [PublishedForm] {
        try heldForms().compactMap(\.published)
    }

    /// Stores `form`, replacing the survey's form of the same name.
    func saveForm(_ form: HeldForm) throws {
        try execute("""
            INSERT INTO form (survey, name, definition, version, source, publisher, publisher_name, published_at, received_from, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET definition = excluded.definition, version = excluded.version, source = excluded.source,
                publisher = excluded.publisher, publisher_name = excluded.publisher_name, published_at = excluded.published_at,
                received_from = excluded.received_from, updated_at = excluded.updated_at
            """, [survey, form.name, try ReplicaTables.jsonText(form.definition), form.version, form.source.rawValue,
                  form.publisher?.id.rawValue, form.publisher?.name, form.publishedAt, form.receivedFrom?.id.rawValue, form.updatedAt])
    }
}
