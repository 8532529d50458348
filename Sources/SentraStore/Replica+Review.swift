public import SentraCore
import GRDB

extension Replica {
    /// Whether this replica is an office node, which may review records (decision 0013).
    public func isOffice() throws -> Bool {
        try read { db in try Replica.isOffice(db) }
    }

    /// Marks this replica as an office node (`sentra init --office`), or not.
    public func setOffice(_ office: Bool) throws {
        try write { db in try db.execute(sql: "UPDATE node SET office = ?", arguments: [office]) }
    }

    /// The survey's records that are not deleted, by the review state they show; states with none
    /// left out.
    public func reviewCounts(survey: String) throws -> [String: Int] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return try tables.reviewCounts()
        }
    }

    static func isOffice(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT office FROM node") ?? false
    }

    /// Sets a record's review: an ordinary local write of the reserved field `_review`, whose
    /// context covers every review the replica holds, so it also settles a review conflict.
    ///
    /// - Throws: ``StoreError`` `.notOffice` on a replica that is not an office node; nothing is
    ///   written.
    @discardableResult
    public func setReview(survey: String, record id: String, review: Review) throws -> Change {
        try write { db in
            guard try Replica.isOffice(db) else {
                throw StoreError(.notOffice, "only office nodes review records; this replica is not one (an office is made with `sentra init --office`)")
            }
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let state = try LocalWriteRules.existing(try tables.loadRecord(id), id: id, survey: survey)
            return try writeLocal(try LocalWriteRules.review(review, of: state), record: state, form: state.form, tables: tables)
        }
    }

    /// The review an enumerator's edit of `state` carries with it: `edited`, keeping the office's
    /// note, when the record shows `hasIssues` and this replica is not an office; nil otherwise.
    func editedReview(of state: RecordState, db: Database) throws -> Review? {
        guard let shown = state.review, shown.state == .hasIssues, try !Replica.isOffice(db) else { return nil }
        return Review(state: .edited, note: shown.note, by: node.name)
    }
}

extension ReplicaTables {
    /// Records that are not deleted, by the review state they show. Only records whose entries
    /// name `_review` are read; the others are `received`.
    func reviewCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        var reviewed = 0
        for state in try loadRecords(.mayHaveReview) {
            counts[(state.review?.state ?? .received).rawValue, default: 0] += 1
            reviewed += 1
        }
        let live = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE survey = ? AND deleted = 0", arguments: [survey]) ?? 0
        if live > reviewed { counts[ReviewState.received.rawValue, default: 0] += live - reviewed }
        return counts
    }
}
