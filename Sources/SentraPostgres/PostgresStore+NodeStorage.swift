public import Foundation
public import SentraCore
public import SentraServer
public import SentraStore

/// The node's storage protocol on PostgreSQL. Sync, forms, tokens and the device registry are
/// served; the office's record views, review, resolve, export, users and sessions are not yet, and
/// answer `501 not_yet_supported`, naming the SQLite store that serves them (issue 15, in progress).
extension PostgresStore: NodeStorage {
    public func records(survey: String, form: String?, includeDeleted: Bool) async throws -> [RecordView] { throw Self.officeViews }
    public func records(survey: String, after id: String, limit: Int) async throws -> [RecordView] { throw Self.officeViews }
    public func record(survey: String, id: String) async throws -> RecordView { throw Self.officeViews }
    public func conflicts(survey: String) async throws -> [ConflictView] { throw Self.officeViews }
    public func resolve(survey: String, record id: String, resolution: Replica.Resolution) async throws -> Change { throw Self.officeViews }
    public func history(survey: String, record id: String) async throws -> [LoggedChange] { throw Self.officeViews }
    public func setReview(survey: String, record id: String, review: Review) async throws -> Change { throw Self.officeViews }
    public func reviews(survey: String, state: ReviewState?, form: String?) async throws -> ReviewList { throw Self.officeViews }
    public func export(survey: String, form: String?, state: ReviewState?, records: Set<String>?, format: ExportFormat) async throws -> Data {
        throw Self.officeViews
    }
    public func changedRecords(survey: String, after position: Int64, limit: Int) async throws -> ChangedRecords { throw Self.officeViews }

    /// No live stream yet: the stream ends at once, and the dashboard stays as loaded.
    public func observeLog(survey: String) -> AsyncStream<Int64> {
        AsyncStream { $0.finish() }
    }

    /// No office users on this store yet: signing in takes a token.
    public func user(named name: String) async throws -> OfficeUser? { nil }
    public func insertSession(_ session: WebSession) async throws { throw Self.officeViews }
    public func session(idHash: String, now: Date) async throws -> WebSession? { nil }
    public func deleteSession(idHash: String) async throws {}

    static var officeViews: ServerError {
        ServerError(status: 501, code: WireErrorCode(rawValue: PostgresStoreError.Code.notYetSupported.rawValue),
                    message: "the PostgreSQL store serves sync, forms, tokens and devices; records, review, resolve and export are served by the SQLite store for now")
    }
}
