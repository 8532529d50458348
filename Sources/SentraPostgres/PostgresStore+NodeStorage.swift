public import Foundation
import PostgresNIO
public import SentraCore
public import SentraServer
public import SentraStore

/// The office's views on PostgreSQL: records, conflicts, history, reviews, export and the log's
/// movements, built from the `record` table by the same code as the SQLite replica's
/// (``RecordView``, ``ReviewView``, ``Replica/export(_:forms:form:state:records:format:)``).
extension PostgresStore: NodeStorage {
    public func records(survey: String, form: String?, includeDeleted: Bool) async throws -> [RecordView] {
        try await views(survey: survey, form.map { .form($0) } ?? .all)
            .filter { includeDeleted || !$0.deleted || !$0.conflicts.isEmpty }
    }

    public func records(survey: String, after id: String, limit: Int) async throws -> [RecordView] {
        try await views(survey: survey, .after(id, limit: limit))
    }

    public func record(survey: String, id: String) async throws -> RecordView {
        guard let view = try await views(survey: survey, .one(id)).first else {
            throw StoreError(.unknownRecord, "no record \(id) in survey \(survey)")
        }
        return view
    }

    public func conflicts(survey: String) async throws -> [ConflictView] {
        try await views(survey: survey, .conflicted).flatMap(\.conflicts)
    }

    public func history(survey: String, record id: String) async throws -> [LoggedChange] {
        let logger = logger
        return try await client.withConnection { connection in
            _ = try await Self.survey(survey, on: connection, logger: logger)
            let changes = try await Self.logged("""
                SELECT seq, body FROM change_log WHERE survey = \(survey) AND record = \(id) ORDER BY seq
                """, on: connection, logger: logger)
            guard !changes.isEmpty else { throw StoreError(.unknownRecord, "no record \(id) in survey \(survey)") }
            return changes
        }
    }

    public func reviews(survey: String, state: ReviewState?, form: String?) async throws -> ReviewList {
        let reviews = try await records(survey: survey, form: form, includeDeleted: false).map(ReviewView.init)
        return ReviewList(counts: try await reviewCounts(survey: survey),
                          reviews: reviews.filter { state == nil || $0.state == state })
    }

    public func export(survey: String, form: String?, state: ReviewState?, records ids: Set<String>?, format: ExportFormat) async throws -> Data {
        if let form { try LocalWriteRules.checkFormName(form) }
        let forms = try await self.forms(survey: survey).map(\.form)
        return try Replica.export(try await records(survey: survey, form: form, includeDeleted: false), forms: forms, form: form,
                                  state: state, records: ids, format: format)
    }

    public func changedRecords(survey: String, after position: Int64, limit: Int) async throws -> ChangedRecords {
        let logger = logger
        return try await client.withConnection { connection in
            let (logId, _) = try await Self.survey(survey, on: connection, logger: logger)
            var seen = Set<String>()
            var records: [String] = []
            var last = position
            let rows = try await connection.query("""
                SELECT seq, record FROM change_log WHERE survey = \(survey) AND seq > \(position) ORDER BY seq LIMIT \(max(limit, 1))
                """, logger: logger)
            for try await (seq, record) in rows.decode((Int64, String).self) {
                last = seq
                if seen.insert(record).inserted { records.append(record) }
            }
            return ChangedRecords(records: records, position: last, logID: logId)
        }
    }

    /// The survey's log position now and each time another process's commit moves it, read
    /// every `pollInterval` (several processes share the database, so none sees every write).
    public func observeLog(survey: String) -> AsyncStream<Int64> {
        observeLog(survey: survey, pollInterval: .seconds(1))
    }

    /// ``observeLog(survey:)`` with its own interval between reads.
    public func observeLog(survey: String, pollInterval: Duration) -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream<Int64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let watch = Task { [self] in
            var last: Int64?
            while !Task.isCancelled {
                // A failed read (the database away for a while) skips a turn; the stream goes on.
                if let position = try? await logPosition(survey: survey), position != last {
                    last = position
                    continuation.yield(position)
                }
                try? await Task.sleep(for: pollInterval)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in watch.cancel() }
        return stream
    }

    // MARK: Pieces

    /// The position of the survey's last change, or 0.
    func logPosition(survey: String) async throws -> Int64 {
        for try await position in try await client.query("SELECT log_position FROM survey WHERE name = \(survey)", logger: logger).decode(Int64.self) {
            return position
        }
        throw StoreError.unknownSurvey(survey)
    }

    /// The records `filter` selects, as views with their forms and authors' names.
    func views(survey: String, _ filter: RecordFilter) async throws -> [RecordView] {
        let logger = logger
        let node = node
        return try await client.withConnection { connection in
            _ = try await Self.survey(survey, on: connection, logger: logger)
            let forms = try await Self.definitions(survey, on: connection, logger: logger)
            let names = try await Self.names(self: node, on: connection, logger: logger)
            return try await Self.loadRecords(filter, survey: survey, on: connection, logger: logger)
                .map { RecordView(state: $0, form: forms[$0.form], names: names) }
        }
    }

    /// Records that are not deleted, by the review state they show; states with none left out.
    func reviewCounts(survey: String) async throws -> [String: Int] {
        let logger = logger
        return try await client.withConnection { connection in
            var counts: [String: Int] = [:]
            var reviewed = 0
            for state in try await Self.loadRecords(.mayHaveReview, survey: survey, on: connection, logger: logger) {
                counts[(state.review?.state ?? .received).rawValue, default: 0] += 1
                reviewed += 1
            }
            var live = 0
            for try await count in try await connection.query("SELECT count(*) FROM record WHERE survey = \(survey) AND NOT deleted", logger: logger)
                .decode(Int64.self) {
                live = Int(count)
            }
            if live > reviewed { counts[ReviewState.received.rawValue, default: 0] += live - reviewed }
            return counts
        }
    }

    /// The changes a query of `seq, body` selects, in its order.
    static func logged(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [LoggedChange] {
        var changes: [LoggedChange] = []
        for try await (seq, body) in try await connection.query(query, logger: logger).decode((Int64, String).self) {
            changes.append(LoggedChange(position: seq, change: try Change(json: try JSONReader.parse(body))))
        }
        return changes
    }
}
