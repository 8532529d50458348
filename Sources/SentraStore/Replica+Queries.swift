import Foundation
public import SentraCore
import GRDB

extension Replica {
    /// A record with its entries and their authors.
    public func record(survey: String, id: String) throws -> RecordView {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            guard let state = try tables.loadRecord(id) else {
                throw StoreError(.unknownRecord, "no record \(id) in survey \(survey)")
            }
            return RecordView(state: state, form: try tables.form(state.form), names: try tables.nodeNames())
        }
    }

    /// The survey's records, optionally of one form, sorted by ID. Deleted records are left out
    /// unless `includeDeleted` is set or they are in conflict.
    public func records(survey: String, form: String? = nil, includeDeleted: Bool = false) throws -> [RecordView] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let forms = try tables.forms()
            let names = try tables.nodeNames()
            return try tables.loadRecords(form.map { .form($0) } ?? .all)
                .filter { includeDeleted || !$0.isDeleted || $0.hasConflicts }
                .map { RecordView(state: $0, form: forms[$0.form], names: names) }
        }
    }

    /// Up to `limit` of the survey's records whose IDs sort after `id` (from the first when it is
    /// empty), in ID order, deleted ones included: a long read in pages, each a short transaction,
    /// so that 100,000 records never sit in memory at once.
    public func records(survey: String, after id: String, limit: Int) throws -> [RecordView] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let forms = try tables.forms()
            let names = try tables.nodeNames()
            return try tables.loadRecords(.after(id, limit: max(1, limit))).map { RecordView(state: $0, form: forms[$0.form], names: names) }
        }
    }

    /// Every conflict in the survey, as the forms' policies present them, by record and field.
    public func conflicts(survey: String) throws -> [ConflictView] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let forms = try tables.forms()
            let names = try tables.nodeNames()
            return try tables.loadRecords(.conflicted).flatMap { state in
                state.conflicts(presentedBy: forms[state.form]).map { ConflictView($0, names: names) }
            }
        }
    }

    /// The change log after `position`, oldest first, at most `limit` changes.
    public func changes(survey: String, after position: Int64 = 0, limit: Int = .max) throws -> [LoggedChange] {
        try read { db in
            try ReplicaTables(db: db, survey: survey).requireSurvey()
            return try Replica.loggedChanges(db, sql: "SELECT seq, body FROM change_log WHERE +survey = ? AND seq > ? ORDER BY seq LIMIT ?",
                                             arguments: [survey, position, limit])
        }
    }

    /// The last `count` changes of the log, oldest first.
    public func latestChanges(survey: String, count: Int) throws -> [LoggedChange] {
        try read { db in
            try ReplicaTables(db: db, survey: survey).requireSurvey()
            return try Replica.loggedChanges(db, sql: "SELECT seq, body FROM change_log WHERE survey = ? ORDER BY seq DESC LIMIT ?",
                                             arguments: [survey, count]).reversed()
        }
    }

    /// Every change to one record, in log order.
    public func history(survey: String, record id: String) throws -> [LoggedChange] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            guard try tables.recordExists(id) else { throw StoreError(.unknownRecord, "no record \(id) in survey \(survey)") }
            return try Replica.loggedChanges(db, sql: "SELECT seq, body FROM change_log WHERE survey = ? AND record = ? ORDER BY seq",
                                             arguments: [survey, id])
        }
    }

    /// The survey's version vector: every change this replica holds.
    public func versionVector(survey: String) throws -> VersionVector {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return try tables.versionVector()
        }
    }

    /// The node and a summary of each survey.
    public func status() throws -> ReplicaStatus {
        try read { db in
            let daemon = try Replica.daemonStatus(db)
            let surveys = try String.fetchAll(db, sql: "SELECT name FROM survey ORDER BY name").map { name in
                let tables = ReplicaTables(db: db, survey: name)
                let forms = try tables.forms()
                let conflicts = try tables.loadRecords(.conflicted).reduce(0) { total, state in
                    total + state.conflicts(presentedBy: forms[state.form]).count
                }
                let records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE survey = ? AND (deleted = 0 OR conflicted = 1)", arguments: [name]) ?? 0
                let changes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM change_log WHERE survey = ?", arguments: [name]) ?? 0
                let held = try tables.versionVector()
                let unacknowledged = try daemon?.peer.map { peer in
                    let acknowledged = try tables.peerHolds(peer.id)
                    return held.counters.reduce(0) { $0 + max(0, $1.value - acknowledged[$1.key]) }
                }
                return ReplicaStatus.Survey(name: name, versionVector: held, records: records, conflicts: conflicts, changes: changes,
                                            unacknowledged: unacknowledged, forms: try tables.heldForms(),
                                            reviews: try tables.reviewCounts())
            }
            return ReplicaStatus(node: node, defaultSurvey: defaultSurvey, surveys: surveys, daemon: daemon)
        }
    }

    /// Names of every node this replica knows, its own included.
    public func nodeNames() throws -> [NodeID: String] {
        try read { db in try ReplicaTables(db: db, survey: defaultSurvey).nodeNames() }
    }

    static func loggedChanges(_ db: Database, sql: String, arguments: StatementArguments) throws -> [LoggedChange] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            LoggedChange(position: row["seq"], change: try ReplicaTables.loggedChange(row["body"]))
        }
    }
}
