public import Foundation
public import SentraCore
public import SentraStore

/// What the node's HTTP API needs from its store.
///
/// ``ReplicaStorage`` is the embedded default, over one SQLite ``Replica``; a PostgreSQL store
/// for central offices implements the same protocol. Implementations throw ``StoreError`` for
/// what a client did wrong (an unknown record, a causal gap), and the server maps those codes to
/// HTTP statuses; they never see HTTP.
public protocol NodeStorage: Sendable {
    /// The node this storage belongs to.
    var node: NodeInfo { get }

    /// The surveys the node holds.
    func surveys() async throws -> [String]

    /// The node's state for `survey`: its log identity and position, and its version vector.
    func state(survey: String) async throws -> NodeState

    /// Applies a pushed batch in one transaction, and learns the sender's name, what it holds and
    /// the names it knows. A batch with a gap, or a dot that contradicts the log, changes nothing.
    func push(_ request: PushRequest, survey: String) async throws -> PushResponse

    /// Up to `limit` changes of the node's log that `request.versionVector` does not cover, after
    /// the request's cursor, or from the start when the cursor belongs to another log: a
    /// ``PullResponse`` as canonical JSON, ready to send.
    func pull(_ request: PullRequest, survey: String, limit: Int) async throws -> [UInt8]

    /// The survey's published forms (published here or received), by name: what devices get.
    func forms(survey: String) async throws -> [PublishedForm]

    /// Publishes a form from this node. A version that is not higher than the one held is refused
    /// (``StoreError`` `.staleFormVersion`) and changes nothing.
    func publishForm(_ form: FormDefinition, survey: String) async throws -> PublishedForm

    /// The survey's records, optionally of one form, deleted ones only when asked or in conflict.
    func records(survey: String, form: String?, includeDeleted: Bool) async throws -> [RecordView]

    /// Up to `limit` records whose IDs sort after `id`, in ID order, deleted ones included (see
    /// ``Replica/records(survey:after:limit:)``).
    func records(survey: String, after id: String, limit: Int) async throws -> [RecordView]

    /// One record with its entries and their authors.
    func record(survey: String, id: String) async throws -> RecordView

    /// Every conflict in the survey.
    func conflicts(survey: String) async throws -> [ConflictView]

    /// Resolves a record's conflicts with a local write, and returns that write.
    func resolve(survey: String, record id: String, resolution: Replica.Resolution) async throws -> Change

    /// Every change of one record in the node's log, in log order: its values and its reviews.
    func history(survey: String, record id: String) async throws -> [LoggedChange]

    /// Sets a record's review with a local write of this node (an office node), and returns it.
    func setReview(survey: String, record id: String, review: Review) async throws -> Change

    /// The records that are not deleted with their reviews, optionally of one state and form, and
    /// the survey's counts by state.
    func reviews(survey: String, state: ReviewState?, form: String?) async throws -> ReviewList

    /// The survey's records as CSV, JSON or NDJSON, optionally only those in `records`.
    func export(survey: String, form: String?, state: ReviewState?, records: Set<String>?, format: ExportFormat) async throws -> Data

    /// The token whose SHA-256 hash is `hash`, revoked or not.
    func token(hash: String) async throws -> TokenRecord?

    /// The token named `name`, revoked or not.
    func token(named name: String) async throws -> TokenRecord?

    /// Every token, revoked ones included, by name.
    func tokens() async throws -> [TokenRecord]

    /// Stores a new token (only its hash).
    func insertToken(_ token: TokenRecord) async throws

    /// Revokes the token named `name`.
    func revokeToken(named name: String) async throws

    /// Records that `node` syncs with the token named `name`, binding the token to it if it is not
    /// bound yet, and returns the node the token is bound to (see ``Replica/claimToken(named:by:at:)``).
    func claimToken(named name: String, by node: NodeID) async throws -> NodeID

    /// The registry of devices: every token bound to a node (see ``Replica/devices()``).
    func devices() async throws -> [DeviceRecord]

    /// The records the survey's log changed after `position`, reading at most `limit` changes
    /// (see ``Replica/changedRecords(survey:after:limit:)``).
    func changedRecords(survey: String, after position: Int64, limit: Int) async throws -> ChangedRecords

    /// The survey's log position now and each time it moves (see
    /// ``Replica/observeLog(survey:pollInterval:)``).
    func observeLog(survey: String) -> AsyncStream<Int64>

    /// The office user named `name`, in any case, disabled or not; nil when there is none.
    func user(named name: String) async throws -> OfficeUser?

    /// Stores a new browser session of the office pages (only its ID's hash), and deletes the
    /// sessions that expired by its creation time.
    func insertSession(_ session: WebSession) async throws

    /// The session whose ID hash is `idHash`, or nil when there is none or it expired by `now`.
    func session(idHash: String, now: Date) async throws -> WebSession?

    /// Ends the session whose ID hash is `idHash`: signing out.
    func deleteSession(idHash: String) async throws
}
