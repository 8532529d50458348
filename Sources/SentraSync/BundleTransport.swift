public import Foundation
public import SentraCore
import SentraStore

/// Sync by file: the peer is a bundle it wrote, and what we push is collected into a reply bundle.
///
/// A sync over this transport applies the incoming bundle's changes (pull) and gathers the
/// changes its sender lacked (push) into ``reply()``, to carry back by hand. Bundle positions are
/// not the sender's log positions, so no cursor is kept for it.
public final class BundleTransport: SyncTransport, @unchecked Sendable {
    private let incoming: SyncBundle
    private let receivedAt: Int64
    private let lock = NSLock()
    private var outgoing: [Change] = []
    private var replyFrom: NodeInfo?
    private var replyHolds = VersionVector()
    private var replyNodes: [NodeInfo] = []
    private let counter = TrafficCounter()

    /// - Parameters:
    ///   - data: a bundle file's bytes.
    ///   - now: the local clock, in milliseconds: a bundle says nothing of its sender's clock.
    public init(bundle data: Data, now: Int64) throws {
        incoming = try Replica.decodeBundle(data)
        receivedAt = now
        counter.add(received: data.count)
    }

    public var keepsCursors: Bool { false }

    public func state(survey: String) async throws -> NodeState {
        guard survey == incoming.survey else {
            throw SyncError(.unknownSurvey, "the bundle is for survey \(incoming.survey), not \(survey)")
        }
        return NodeState(node: incoming.sender, survey: survey, logId: "bundle:\(incoming.sender.id)",
                         logPosition: Int64(incoming.changes.count), versionVector: incoming.versionVector, serverTime: receivedAt,
                         forms: (incoming.forms ?? []).reduce(into: [:]) { $0[$1.form.name] = $1.form.version })
    }

    public func push(_ request: PushRequest, survey: String) async throws -> PushResponse {
        lock.withLock {
            outgoing += request.changes
            replyFrom = request.sender
            replyHolds = request.versionVector
            replyNodes = request.nodes
        }
        return PushResponse(applied: request.changes.count, skipped: 0, newConflicts: 0,
                            versionVector: incoming.versionVector.merging(VersionVector(Dictionary(grouping: request.changes, by: \.dot.origin)
                                .mapValues { $0.map(\.dot.counter).max()! })))
    }

    public func pull(_ request: PullRequest, survey: String) async throws -> PullResponse {
        let after = Int(max(0, min(request.after, Int64(incoming.changes.count))))
        let missing = incoming.changes[after...].filter { !request.versionVector.covers($0.dot) }
        return PullResponse(logId: "bundle:\(incoming.sender.id)", changes: Array(missing), next: Int64(incoming.changes.count),
                            more: false, nodes: incoming.nodes + [incoming.sender])
    }

    public func forms(survey: String) async throws -> [PublishedForm] { incoming.forms ?? [] }

    public func traffic() -> Traffic { counter.current }

    /// The reply: what the sync pushed, for the bundle's sender. Nil before a sync pushed anything.
    public func reply() throws -> Data? {
        let (changes, sender, holds, nodes) = lock.withLock { (outgoing, replyFrom, replyHolds, replyNodes) }
        guard let sender else { return nil }
        let data = try Replica.encodeBundle(SyncBundle(survey: incoming.survey, sender: sender, versionVector: holds, nodes: nodes, changes: changes))
        counter.add(sent: data.count)
        return data
    }
}
