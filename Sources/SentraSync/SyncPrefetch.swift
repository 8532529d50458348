import SentraCore
import SentraStore

/// Work a ``SyncDriver`` starts before the session asks for it, so that the two sides of a sync
/// work at once: the next pull travels while this replica applies the last one, and the next
/// batch to push is read and encoded while the peer applies the last one.
///
/// A prefetched answer is used only when it answers what the session then asks: the same pull,
/// or a read from the same position whose result, filtered by what the session now excludes,
/// is a valid answer. Anything else is cancelled and done again.
///
/// Replica reads run on a Dispatch worker (``Replica/blocking(_:)``), not on a cooperative thread.
struct SyncPrefetch {
    typealias LocalBatch = (changes: [Change], next: Int64, more: Bool)

    let replica: Replica
    let transport: any SyncTransport
    let survey: String
    private var pull: (request: PullRequest, answer: Task<PullResponse, any Error>)?
    private var read: (after: Int64, excluding: VersionVector, limit: Int, answer: Task<(LocalBatch, PreparedPush?), any Error>)?
    /// The push of the batch ``read(after:excluding:limit:)`` last returned, made ready with it.
    private var preparedPush: PreparedPush?

    init(replica: Replica, transport: any SyncTransport, survey: String) {
        self.replica = replica
        self.transport = transport
        self.survey = survey
    }

    /// Sends `request` now; ``pull(_:)`` uses its answer if the session asks for it.
    mutating func startPull(_ request: PullRequest) {
        pull?.answer.cancel()
        let (transport, survey) = (transport, survey)
        pull = (request, Task { try await transport.pull(request, survey: survey) })
    }

    /// The answer to `request`: the prefetched one, or a new pull.
    mutating func pull(_ request: PullRequest) async throws -> PullResponse {
        defer { pull = nil }
        if let early = pull, early.request == request { return try await early.answer.value }
        pull?.answer.cancel()
        return try await transport.pull(request, survey: survey)
    }

    /// Starts reading the local batch after `after`, and making its push ready.
    mutating func startRead(after: Int64, excluding: VersionVector, limit: Int) {
        read?.answer.cancel()
        let (replica, survey, transport) = (replica, survey, transport)
        read = (after, excluding, limit, Task {
            let (batch, request) = try await replica.blocking { replica -> (LocalBatch, PushRequest?) in
                let batch = try replica.changes(survey: survey, after: after, excluding: excluding, limit: limit)
                guard !batch.changes.isEmpty else { return (batch, nil) }
                return (batch, try Self.pushRequest(batch.changes, from: replica, survey: survey))
            }
            return (batch, try request.map { try transport.preparePush($0) })
        })
    }

    /// The push for `changes`: made ready with the read, if it holds exactly these changes, else now.
    mutating func push(_ changes: [Change]) async throws -> PreparedPush {
        defer { preparedPush = nil }
        if let prepared = preparedPush, prepared.request.changes.count == changes.count,
           zip(prepared.request.changes, changes).allSatisfy({ $0.dot == $1.dot }) {
            return prepared
        }
        let survey = survey
        return try transport.preparePush(try await replica.blocking { try Self.pushRequest(changes, from: $0, survey: survey) })
    }

    /// A push of `changes` with what the replica holds: read on the caller's (Dispatch) thread.
    private static func pushRequest(_ changes: [Change], from replica: Replica, survey: String) throws -> PushRequest {
        PushRequest(sender: replica.node, versionVector: try replica.versionVector(survey: survey),
                    nodes: try replica.knownNodes(), changes: changes)
    }

    /// The local changes after `after` that `excluding` does not cover: the prefetched read when it
    /// started at the same place and excluded no more, filtered; else a new read.
    mutating func read(after: Int64, excluding: VersionVector, limit: Int) async throws -> LocalBatch {
        defer { read = nil }
        preparedPush = nil
        if let early = read, early.after == after, early.limit == limit, excluding.dominates(early.excluding) {
            let (batch, prepared) = try await early.answer.value
            preparedPush = prepared
            return (batch.changes.filter { !excluding.covers($0.dot) }, batch.next, batch.more)
        }
        read?.answer.cancel()
        let survey = survey
        return try await replica.blocking { try $0.changes(survey: survey, after: after, excluding: excluding, limit: limit) }
    }

    func cancel() {
        pull?.answer.cancel()
        read?.answer.cancel()
    }
}
