import SentraCore
import SentraStore
import Testing
@testable import SentraSync

/// The session state machine, driven by hand: no replica, no network.
@Suite struct SyncSessionTests {
    static let local = NodeInfo(id: NodeID(rawValue: "aaaa000000000001")!, name: "tablet-ani")
    static let peer = NodeInfo(id: NodeID(rawValue: "cccc000000000003")!, name: "kantor")
    static let survey = "ikm"

    static func state(logId: String = "log-1", position: Int64 = 10, vv: [NodeID: Int] = [:], time: Int64 = 1_000_000) -> NodeState {
        NodeState(node: peer, survey: survey, logId: logId, logPosition: position, versionVector: VersionVector(vv), serverTime: time)
    }

    static func change(_ counter: Int) -> Change {
        Change(dot: Dot(origin: local.id, counter: counter), hlc: HybridTimestamp(physical: 1_000, logical: counter), record: "r\(counter)",
               form: "usaha", context: VersionVector(), operation: .assign(["a": .integer(Int64(counter))]))
    }

    @Test func firstSyncPushesThenPullsFromTheStart() throws {
        var session = SyncSession(local: Self.local, survey: Self.survey, localVersionVector: VersionVector([Self.local.id: 2]),
                                  configuration: .init(pushBatch: 2, pullBatch: 50))
        #expect(session.start() == [.fetchPeerState])
        let afterState = try session.peerStateReceived(Self.state(), savedCursor: nil, now: 1_000_000)
        #expect(afterState == [.readLocalChanges(after: 0, excluding: VersionVector(), limit: 2)])
        #expect(session.localChangesRead([Self.change(1), Self.change(2)], next: 7, more: false) == [.push([Self.change(1), Self.change(2)])])
        let afterPush = try session.pushAcknowledged(PushResponse(applied: 2, skipped: 0, newConflicts: 0, versionVector: VersionVector([Self.local.id: 2])))
        guard case .saveCursor(let cursor) = afterPush.first, case .pull(let request) = afterPush.last else {
            Issue.record("expected save and pull, got \(afterPush)")
            return
        }
        #expect(cursor.pushCursor == 7)
        #expect(request.after == 0 && request.logId == "log-1" && request.limit == 50)
        let response = PullResponse(logId: "log-1", changes: [], next: 10, more: false, nodes: [])
        #expect(try session.pullReceived(response) == [.apply(response, from: Self.peer)])
        let done = session.pulledApplied([], result: ApplyResult())
        guard case .finish(let summary) = done.last, case .saveCursor(let final) = done.first else {
            Issue.record("expected save and finish, got \(done)")
            return
        }
        #expect(summary.pushed == 2 && summary.pulled == 0)
        #expect(final.pullCursor == 10 && final.pushCursor == 7)
    }

    @Test func savedCursorsResumeWhereTheLastSyncStopped() throws {
        var session = SyncSession(local: Self.local, survey: Self.survey, localVersionVector: VersionVector())
        _ = session.start()
        let saved = PeerCursor(peer: Self.peer, logId: "log-1", pullCursor: 8, pushCursor: 5, versionVector: VersionVector([Self.local.id: 1]))
        let actions = try session.peerStateReceived(Self.state(vv: [Self.local.id: 3]), savedCursor: saved, now: 1_000_000)
        #expect(actions == [.readLocalChanges(after: 5, excluding: VersionVector([Self.local.id: 3]), limit: SyncSession.Configuration().pushBatch)])
    }

    @Test(arguments: [
        ("log-2", Int64(10), [NodeID: Int]()),                                     // replaced: another log
        ("log-1", Int64(3), [NodeID: Int]()),                                      // restored: shorter log
        ("log-1", Int64(10), [NodeID(rawValue: "bbbb000000000002")!: 1]),          // restored: holds less
    ])
    func replacedOrRestoredPeerResetsTheCursors(logId: String, position: Int64, vv: [NodeID: Int]) throws {
        var session = SyncSession(local: Self.local, survey: Self.survey, localVersionVector: VersionVector())
        _ = session.start()
        let saved = PeerCursor(peer: Self.peer, logId: "log-1", pullCursor: 8, pushCursor: 5,
                               versionVector: VersionVector([NodeID(rawValue: "bbbb000000000002")!: 4]))
        let actions = try session.peerStateReceived(Self.state(logId: logId, position: position, vv: vv), savedCursor: saved, now: 1_000_000)
        #expect(actions.count == 2)
        guard case .warnPeerReset = actions.first else {
            Issue.record("expected a reset warning, got \(actions)")
            return
        }
        #expect(actions.last == .readLocalChanges(after: 0, excluding: VersionVector(vv), limit: SyncSession.Configuration().pushBatch))
    }

    @Test func clockSkewOverTenMinutesWarns() throws {
        var session = SyncSession(local: Self.local, survey: Self.survey, localVersionVector: VersionVector())
        _ = session.start()
        let actions = try session.peerStateReceived(Self.state(time: 1_000_000 + 11 * 60_000), savedCursor: nil, now: 1_000_000)
        #expect(actions.first == .warnClockSkew(11 * 60_000))
        var calm = SyncSession(local: Self.local, survey: Self.survey, localVersionVector: VersionVector())
        _ = calm.start()
        let fine = try calm.peerStateReceived(Self.state(time: 1_000_000 - 9 * 60_000), savedCursor: nil, now: 1_000_000)
        #expect(fine.count == 1)
    }

    @Test func anotherProtocolVersionIsRefused() {
        var session = SyncSession(local: Self.local, survey: Self.survey, localVersionVector: VersionVector())
        _ = session.start()
        var state = Self.state()
        state.protocol = 2
        #expect(throws: SyncError.self) { try session.peerStateReceived(state, savedCursor: nil, now: 0) }
    }

    @Test func batchesContinueWhileMoreRemain() throws {
        var session = SyncSession(local: Self.local, survey: Self.survey, localVersionVector: VersionVector(),
                                  configuration: .init(pushBatch: 1, pullBatch: 1))
        _ = session.start()
        _ = try session.peerStateReceived(Self.state(), savedCursor: nil, now: 0)
        _ = session.localChangesRead([Self.change(1)], next: 1, more: true)
        let next = try session.pushAcknowledged(PushResponse(applied: 1, skipped: 0, newConflicts: 0, versionVector: VersionVector([Self.local.id: 1])))
        #expect(next.last == .readLocalChanges(after: 1, excluding: VersionVector([Self.local.id: 1]), limit: 1))
        let empty = session.localChangesRead([], next: 2, more: false)
        guard case .pull = empty.last else {
            Issue.record("expected a pull, got \(empty)")
            return
        }
        _ = try session.pullReceived(PullResponse(logId: "log-1", changes: [], next: 4, more: true, nodes: []))
        let again = session.pulledApplied([], result: ApplyResult())
        guard case .pull(let request) = again.last else {
            Issue.record("expected another pull, got \(again)")
            return
        }
        #expect(request.after == 4)
    }
}
