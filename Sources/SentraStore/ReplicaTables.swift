import Foundation
import GRDB
import SentraCore

/// Reads and writes of the replica's tables inside a caller's transaction.
///
/// Only storage lives here: which entries a change removes or adds is decided by
/// ``RecordState/apply(_:)`` in SentraCore.
struct ReplicaTables {
    let db: Database
    let survey: String

    /// Runs a write statement, prepared once per connection.
    func execute(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// A statement prepared once per connection.
    func statement(_ sql: String) throws -> Statement {
        try db.cachedStatement(sql: sql)
    }

    // MARK: Survey and clock

    func requireSurvey() throws {
        guard try Replica.surveyExists(survey, db: db) else {
            throw StoreError.unknownSurvey(survey)
        }
    }

    /// The node's clock as last saved. A reading beyond the range, as an older release could save
    /// after receiving the greatest timestamp, comes back as the greatest in range (``HybridClock/init(last:maxAhead:)``).
    func clock(maxAhead: Int64) throws -> HybridClock {
        HybridClock(last: HybridTimestamp(rawValue: try Int64.fetchOne(statement("SELECT hlc FROM node")) ?? 0), maxAhead: maxAhead)
    }

    func saveClock(_ clock: HybridClock) throws {
        try execute("UPDATE node SET hlc = ?", [clock.last.rawValue])
    }

    // MARK: Version vector

    func versionVector() throws -> VersionVector {
        var counters: [NodeID: Int] = [:]
        for row in try Row.fetchAll(statement("SELECT origin, counter FROM version_vector WHERE survey = ?"),
            arguments: [survey]) {
            if let origin = NodeID(rawValue: row["origin"]) { counters[origin] = row["counter"] }
        }
        return VersionVector(counters)
    }

    func counter(of origin: NodeID) throws -> Int {
        try Int.fetchOne(statement("SELECT counter FROM version_vector WHERE survey = ? AND origin = ?"),
            arguments: [survey, origin.rawValue]) ?? 0
    }

    func setCounter(_ counter: Int, of origin: NodeID) throws {
        try execute("INSERT INTO version_vector (survey, origin, counter) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET counter = excluded.counter",
            [survey, origin.rawValue, counter])
    }

    // MARK: Change log

    /// Logs `change`, its body written as `body` when the caller has it.
    func appendToLog(_ change: Change, body: String? = nil) throws {
        try execute("INSERT INTO change_log (survey, origin, counter, record, hlc, body) VALUES (?, ?, ?, ?, ?, ?)",
            [survey, change.dot.origin.rawValue, change.dot.counter, change.record, change.hlc.rawValue, try body ?? Self.encode(change)])
    }

    func loggedBody(of dot: Dot) throws -> String? {
        try String.fetchOne(statement("SELECT body FROM change_log WHERE survey = ? AND origin = ? AND counter = ?"),
            arguments: [survey, dot.origin.rawValue, dot.counter])
    }

    /// A change as the log holds it.
    static func loggedChange(_ body: String) throws -> Change {
        do {
            return try Change(json: try JSONReader.parse(body))
        } catch {
            throw StoreError(.storage, "the replica's log holds a change it cannot read (\(error))")
        }
    }

    static func encode(_ change: Change) throws -> String {
        change.canonicalJSON
    }

    /// `value` as canonical JSON text, the form every JSON column stores.
    static func jsonText(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder.canonical.encode(value), as: UTF8.self)
    }

    // MARK: Node names

    func nodeNames() throws -> [NodeID: String] {
        var names: [NodeID: String] = [:]
        for row in try Row.fetchAll(statement("SELECT id, name FROM node_name UNION ALL SELECT id, name FROM node")) {
            if let id = NodeID(rawValue: row["id"]) { names[id] = row["name"] }
        }
        return names
    }
}
