public import Logging
import SentraCore
public import SentraStore

/// Runs a ``SyncSession`` against a local replica and a transport: the I/O half of a sync.
///
/// Every call into the replica blocks on SQLite, so it runs on a Dispatch worker
/// (``Replica/blocking(_:)``), never on a cooperative thread: on a 2-core machine one blocked
/// cooperative thread is half of Swift's pool, and a server or test in the same process stalls.
public struct SyncDriver: Sendable {
    public let replica: Replica
    public let transport: any SyncTransport
    public let configuration: SyncSession.Configuration
    public let logger: Logger

    public init(replica: Replica, transport: any SyncTransport, configuration: SyncSession.Configuration = .init(),
                logger: Logger = Logger(label: "sentra.sync")) {
        self.replica = replica
        self.transport = transport
        self.configuration = configuration
        self.logger = logger
    }

    /// Pushes, then pulls, one survey. Each batch is applied in one transaction on its receiving
    /// side, and the cursors are saved after each, so an interrupted sync resumes where it stopped.
    ///
    /// - Parameters:
    ///   - onWarning: a line for the user: clock skew, a replaced peer.
    ///   - onProgress: the running totals after each batch.
    public func sync(
        survey: String,
        onWarning: @Sendable (String) -> Void = { _ in },
        onProgress: @Sendable (SyncSummary) -> Void = { _ in }
    ) async throws -> SyncSummary {
        let (localVersionVector, localForms) = try await replica.blocking { (try $0.versionVector(survey: survey), try $0.formVersions(survey: survey)) }
        var session = SyncSession(local: replica.node, survey: survey, localVersionVector: localVersionVector, localForms: localForms,
                                  configuration: configuration)
        var peer: NodeInfo?
        var pending = session.start()[...]
        var prefetch = SyncPrefetch(replica: replica, transport: transport, survey: survey)
        defer { prefetch.cancel() }
        while let action = pending.popFirst() {
            switch action {
            case .fetchPeerState:
                let state = try await transport.state(survey: survey)
                peer = state.node
                let saved = transport.keepsCursors ? try await replica.blocking { try $0.peerCursor(survey: survey, peer: state.node.id) } : nil
                pending += try session.peerStateReceived(state, savedCursor: saved, now: replica.wallClock())
            case .fetchForms:
                let forms = try await transport.forms(survey: survey)
                let received = try await replica.blocking { [peer] in try $0.receiveForms(forms, survey: survey, from: peer!) }
                received.refused.forEach(onWarning)
                session.formsReceived(received)
            case .readLocalChanges(let after, let excluding, let limit):
                let batch = try await prefetch.read(after: after, excluding: excluding, limit: limit)
                if batch.more, !batch.changes.isEmpty { prefetch.startRead(after: batch.next, excluding: excluding, limit: limit) }
                pending += session.localChangesRead(batch.changes, next: batch.next, more: batch.more)
            case .push(let changes):
                pending += try session.pushAcknowledged(try await transport.push(try await prefetch.push(changes), survey: survey))
            case .pull(let request):
                pending += try session.pullReceived(try await prefetch.pull(request))
            case .apply(let response, let peer):
                if let next = session.pullAfter(response) { prefetch.startPull(next) }
                do {
                    let result = try await replica.blocking {
                        try $0.apply(response.changes, survey: survey, from: peer, senderHolds: nil, nodes: response.nodes)
                    }
                    pending += session.pulledApplied(response.changes, result: result)
                } catch let error as StoreError where error.code == .causalGap {
                    guard let restart = session.pulledBatchHadGap() else { throw error }
                    pending += restart
                }
            case .saveCursor(let cursor):
                if transport.keepsCursors { try await replica.blocking { try $0.savePeerCursor(cursor, survey: survey) } }
                if let progress = session.progress { onProgress(withTraffic(progress)) }
            case .warnClockSkew(let offset):
                let minutes = Double(abs(offset)) / 60_000
                let line = "the peer's clock is \(String(format: "%.1f", minutes)) minutes \(offset > 0 ? "ahead of" : "behind") ours; values may display in the wrong order until a clock is fixed"
                onWarning(line)
            case .warnPeerReset(let reason):
                onWarning(reason)
            case .finish(let summary):
                return withTraffic(summary)
            }
        }
        preconditionFailure("a sync session ends with .finish")
    }

    private func withTraffic(_ summary: SyncSummary) -> SyncSummary {
        var summary = summary
        let traffic = transport.traffic()
        summary.bytesSent = traffic.sent
        summary.bytesReceived = traffic.received
        return summary
    }
}
