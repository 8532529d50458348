import Foundation
import PostgresNIO
public import SentraCore
public import SentraServer
public import SentraStore

/// What the operator's commands read on PostgreSQL: `sentra status`, `log` and `form list`.
extension PostgresStore: CentralStorage {
    public func defaultSurvey() async throws -> String {
        for try await name in try await client.query("SELECT default_survey FROM sentra_node", logger: logger).decode(String.self) {
            return name
        }
        throw PostgresStoreError(.notANode, "the database holds no Sentra node")
    }

    public func addSurvey(_ survey: String) async throws {
        try Replica.checkSurveyName(survey)
        try await client.query("""
            INSERT INTO survey (name, log_id) VALUES (\(survey), \(UUID().uuidString.lowercased())) ON CONFLICT (name) DO NOTHING
            """, logger: logger)
    }

    /// The node and a summary of each survey; a PostgreSQL node runs no sync daemon.
    public func status() async throws -> ReplicaStatus {
        var surveys: [ReplicaStatus.Survey] = []
        for name in try await self.surveys() {
            let state = try await state(survey: name)
            let conflicts = try await conflicts(survey: name).count
            let logger = logger
            let (records, changes) = try await client.withConnection { connection in
                var counts: (Int, Int) = (0, 0)
                for try await (records, changes) in try await connection.query("""
                    SELECT (SELECT count(*) FROM record WHERE survey = \(name) AND (NOT deleted OR conflicted)),
                           (SELECT count(*) FROM change_log WHERE survey = \(name))
                    """, logger: logger).decode((Int64, Int64).self) {
                    counts = (Int(records), Int(changes))
                }
                return counts
            }
            surveys.append(ReplicaStatus.Survey(name: name, versionVector: state.versionVector, records: records, conflicts: conflicts,
                                                changes: changes, unacknowledged: nil, forms: try await heldForms(survey: name),
                                                reviews: try await reviewCounts(survey: name)))
        }
        return ReplicaStatus(node: node, defaultSurvey: try await defaultSurvey(), surveys: surveys, daemon: nil)
    }

    public func changes(survey: String, after position: Int64, limit: Int) async throws -> [LoggedChange] {
        let logger = logger
        return try await client.withConnection { connection in
            _ = try await Self.survey(survey, on: connection, logger: logger)
            return try await Self.logged("""
                SELECT seq, body FROM change_log WHERE survey = \(survey) AND seq > \(position) ORDER BY seq LIMIT \(Int64(clamping: limit))
                """, on: connection, logger: logger)
        }
    }

    public func latestChanges(survey: String, count: Int) async throws -> [LoggedChange] {
        let logger = logger
        return try await client.withConnection { connection in
            _ = try await Self.survey(survey, on: connection, logger: logger)
            return try await Self.logged("""
                SELECT seq, body FROM change_log WHERE survey = \(survey) ORDER BY seq DESC LIMIT \(Int64(clamping: count))
                """, on: connection, logger: logger).reversed()
        }
    }

    public func nodeNames() async throws -> [NodeID: String] {
        let logger = logger
        let node = node
        return try await client.withConnection { try await Self.names(self: node, on: $0, logger: logger) }
    }

    /// The survey's forms: published here, or published by another node and carried over by
    /// `sentra central migrate`.
    public func heldForms(survey: String) async throws -> [HeldForm] {
        try await forms(survey: survey).map { published in
            HeldForm(definition: published.form, source: published.publisher.id == node.id ? .published : .received,
                     publisher: published.publisher, publishedAt: published.publishedAt, updatedAt: published.publishedAt)
        }
    }
}
