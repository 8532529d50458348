public import Foundation
public import SentraCore
public import SentraStore

/// The embedded store: one SQLite ``Replica`` file.
///
/// The replica's calls block on SQLite (a write may wait for another process's transaction), so
/// each runs on a Dispatch worker rather than on Swift's cooperative threads, which keep serving
/// other requests meanwhile.
public struct ReplicaStorage: NodeStorage {
    /// The replica behind this storage.
    public let replica: Replica

    public init(replica: Replica) {
        self.replica = replica
    }

    public var node: NodeInfo { replica.node }

    public func surveys() async throws -> [String] {
        try await blocking { try $0.surveys() }
    }

    public func state(survey: String) async throws -> NodeState {
        try await blocking { try $0.nodeState(survey: survey) }
    }

    /// Applies the batch through ``Replica/respond(to:survey:)``, which the in-memory transport
    /// of SentraSync shares, so both peers answer alike.
    public func push(_ request: PushRequest, survey: String) async throws -> PushResponse {
        try await blocking { try $0.respond(to: request, survey: survey) }
    }

    /// Reads through ``Replica/respondJSON(to:survey:maximumLimit:)``, which also records the
    /// receiver's name and what it holds.
    public func pull(_ request: PullRequest, survey: String, limit: Int) async throws -> [UInt8] {
        try await blocking { try $0.respondJSON(to: request, survey: survey, maximumLimit: limit) }
    }

    public func forms(survey: String) async throws -> [PublishedForm] {
        try await blocking { try $0.publishedForms(survey: survey) }
    }

    public func publishForm(_ form: FormDefinition, survey: String) async throws -> PublishedForm {
        try await blocking { try $0.publishForm(form, survey: survey).published! }
    }

    public func records(survey: String, form: String?, includeDeleted: Bool) async throws -> [RecordView] {
        try await blocking { try $0.records(survey: survey, form: form, includeDeleted: includeDeleted) }
    }

    public func records(survey: String, after id: String, limit: Int) async throws -> [RecordView] {
        try await blocking { try $0.records(survey: survey, after: id, limit: limit) }
    }

    public func record(survey: String, id: String) async throws -> RecordView {
        try await blocking { try $0.record(survey: survey, id: id) }
    }

    public func conflicts(survey: String) async throws -> [ConflictView] {
        try await blocking { try $0.conflicts(survey: survey) }
    }

    public func history(survey: String, record id: String) async throws -> [LoggedChange] {
        try await blocking { try $0.history(survey: survey, record: id) }
    }

    public func setReview(survey: String, record id: String, review: Review) async throws -> Change {
        try await blocking { try $0.setReview(survey: survey, record: id, review: review) }
    }

    public func reviews(survey: String, state: ReviewState?, form: String?) async throws -> ReviewList {
        try await blocking { replica in
            ReviewList(counts: try replica.reviewCounts(survey: survey), reviews: try replica.reviews(survey: survey, state: state, form: form))
        }
    }

    public func resolve(survey: String, record id: String, resolution: Replica.Resolution) async throws -> Change {
        try await blocking { try $0.resolve(survey: survey, record: id, resolution: resolution) }
    }

    public func export(survey: String, form: String?, state: ReviewState?, records: Set<String>?, format: ExportFormat) async throws -> Data {
        try await blocking { try $0.export(survey: survey, form: form, state: state, records: records, format: format) }
    }

    public func token(hash: String) async throws -> TokenRecord? {
        try await blocking { try $0.token(hash: hash) }
    }

    public func token(named name: String) async throws -> TokenRecord? {
        try await blocking { try $0.token(named: name) }
    }

    public func tokens() async throws -> [TokenRecord] {
        try await blocking { try $0.tokens() }
    }

    public func insertToken(_ token: TokenRecord) async throws {
        try await blocking { try $0.insertToken(token) }
    }

    public func revokeToken(named name: String) async throws {
        try await blocking { try $0.revokeToken(named: name) }
    }

    public func claimToken(named name: String, by node: NodeID) async throws -> NodeID {
        try await blocking { try $0.claimToken(named: name, by: node) }
    }

    public func devices() async throws -> [DeviceRecord] {
        try await blocking { try $0.devices() }
    }

    public func user(named name: String) async throws -> OfficeUser? {
        try await blocking { try $0.user(named: name) }
    }

    public func insertSession(_ session: WebSession) async throws {
        try await blocking { try $0.insertSession(session) }
    }

    public func session(idHash: String, now: Date) async throws -> WebSession? {
        try await blocking { try $0.session(idHash: idHash, now: now) }
    }

    public func deleteSession(idHash: String) async throws {
        try await blocking { try $0.deleteSession(idHash: idHash) }
    }

    /// Runs `body` through ``Replica/blocking(_:)``: on a Dispatch worker, off the cooperative pool.
    public func changedRecords(survey: String, after position: Int64, limit: Int) async throws -> ChangedRecords {
        try await blocking { try $0.changedRecords(survey: survey, after: position, limit: limit) }
    }

    public func observeLog(survey: String) -> AsyncStream<Int64> {
        replica.observeLog(survey: survey)
    }

    private func blocking<T: Sendable>(_ body: @escaping @Sendable (Replica) throws -> T) async throws -> T {
        try await replica.blocking(body)
    }
}

extension ReplicaStorage: CentralStorage {
    public func defaultSurvey() async throws -> String { replica.defaultSurvey }

    public func addSurvey(_ survey: String) async throws {
        try await replica.blocking { try $0.addSurvey(survey) }
    }

    public func status() async throws -> ReplicaStatus {
        try await replica.blocking { try $0.status() }
    }

    public func changes(survey: String, after position: Int64, limit: Int) async throws -> [LoggedChange] {
        try await replica.blocking { try $0.changes(survey: survey, after: position, limit: limit) }
    }

    public func latestChanges(survey: String, count: Int) async throws -> [LoggedChange] {
        try await replica.blocking { try $0.latestChanges(survey: survey, count: count) }
    }

    public func nodeNames() async throws -> [NodeID: String] {
        try await replica.blocking { try $0.nodeNames() }
    }

    public func heldForms(survey: String) async throws -> [HeldForm] {
        try await replica.blocking { try $0.heldForms(survey: survey) }
    }

    public func addRecord(survey: String, form: String, id: String?, fields: FieldInput, schemaless: Bool) async throws -> Change {
        try await replica.blocking { try $0.addRecord(survey: survey, form: form, id: id, fields: fields, schemaless: schemaless) }
    }

    public func setFields(survey: String, record id: String, fields: FieldInput) async throws -> Change {
        try await replica.blocking { try $0.setFields(survey: survey, record: id, fields: fields) }
    }

    public func deleteRecord(survey: String, record id: String) async throws -> Change {
        try await replica.blocking { try $0.deleteRecord(survey: survey, record: id) }
    }

    public func users() async throws -> [OfficeUser] {
        try await replica.blocking { try $0.users() }
    }

    public func addUser(_ user: OfficeUser) async throws {
        try await replica.blocking { try $0.addUser(user) }
    }

    public func setPassword(user name: String, hash: String) async throws {
        try await replica.blocking { try $0.setPassword(user: name, hash: hash) }
    }

    public func disableUser(named name: String, at time: Date) async throws {
        try await replica.blocking { try $0.disableUser(named: name, at: time) }
    }
}
