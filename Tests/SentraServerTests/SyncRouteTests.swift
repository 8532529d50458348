import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// Push and pull through the real router between real replicas.
@Suite("Sync routes")
struct SyncRouteTests {
    static let survey = NodeFixture.survey
    static let gzipHeaders: HTTPFields = [.contentEncoding: "gzip", .acceptEncoding: "gzip"]

    /// A device with `count` records carrying enough text that a batch is over 1 KiB.
    static func device(_ fixture: NodeFixture, _ name: String, records count: Int) throws -> Replica {
        let device = try fixture.device(name)
        for index in 0..<count {
            try device.addRecord(survey: survey, form: "usaha", fields: .values([
                "nama_usaha": .string("Konveksi \(name) \(index)"), "alamat": .string("Kampung Pasirtanjung RT 0\(index % 9) RW 02, Desa Sukadami"),
                "pekerja_perempuan": .integer(Int64(index % 7)), "produk": .array([.string("gamis"), .string("kemeja")]),
            ]))
        }
        return device
    }

    /// The display values of every record, by ID.
    static func records(_ replica: Replica) throws -> [String: [String: FieldValue]] {
        Dictionary(uniqueKeysWithValues: try replica.records(survey: survey, includeDeleted: true).map { ($0.id, $0.fields) })
    }

    /// Pulls from the node until `more` is false, applying each batch to `device`.
    @discardableResult
    static func pullAll(_ client: any TestClientProtocol, into device: Replica, from node: NodeInfo, token: String, logId: String? = nil, after: Int64 = 0, limit: Int = 5_000) async throws -> [PullResponse] {
        var responses: [PullResponse] = []
        var cursor = (logId: logId, after: after)
        repeat {
            let request = PullRequest(receiver: device.node, after: cursor.after, logId: cursor.logId,
                                      versionVector: try device.versionVector(survey: survey), limit: limit)
            let body = try Gzip.compress(try JSONEncoder().encode(request))
            let response = try await client.send(.post, surveyPath("pull"), token: token, headers: gzipHeaders, body: ByteBuffer(bytes: body))
            #expect(response.status == .ok)
            let pull = try response.decode(PullResponse.self)
            try device.apply(pull.changes, survey: survey, from: node, senderHolds: nil, nodes: pull.nodes)
            responses.append(pull)
            cursor = (pull.logId, pull.next)
        } while responses.last!.more
        return responses
    }

    @Test("push from one device and pull into another, gzip both ways: the replicas converge")
    func roundTrip() async throws {
        let fixture = try NodeFixture()
        let ani = try Self.device(fixture, "tablet-ani", records: 12)
        let budi = try Self.device(fixture, "tablet-budi", records: 3)
        let aniToken = try fixture.token(for: ani)
        let budiToken = try fixture.token(for: budi)
        try await fixture.withClient { client in
            for (device, token) in [(ani, aniToken), (budi, budiToken)] {
                let body = try Gzip.compress(try JSONEncoder().encode(try pushRequest(from: device)))
                let response = try await client.send(.post, surveyPath("push"), token: token, headers: Self.gzipHeaders, body: ByteBuffer(bytes: body))
                #expect(response.status == .ok)
                let push = try response.decode(PushResponse.self)
                let count = try device.changes(survey: Self.survey).count
                #expect(push.applied == count && push.skipped == 0)
                #expect(push.versionVector[device.node.id] == count)
            }
            // The same push again changes nothing.
            let again = try await client.send(.post, surveyPath("push"), token: aniToken, body: try json(try pushRequest(from: ani)))
            #expect(try again.decode(PushResponse.self).skipped == 12)

            let pulls = try await Self.pullAll(client, into: budi, from: fixture.replica.node, token: budiToken, limit: 5)
            #expect(pulls.count == 3)
            #expect(pulls.flatMap(\.changes).count == 12)
            #expect(pulls.flatMap(\.changes).allSatisfy { $0.dot.origin == ani.node.id })
            #expect(pulls.map(\.changes.count) == [5, 5, 2])
            try await Self.pullAll(client, into: ani, from: fixture.replica.node, token: aniToken)
        }
        let central = try Self.records(fixture.replica)
        #expect(central.count == 15)
        #expect(try Self.records(ani) == central && Self.records(budi) == central)
        #expect(try ani.versionVector(survey: Self.survey) == budi.versionVector(survey: Self.survey))
        #expect(try budi.nodeNames()[ani.node.id] == "tablet-ani")
        #expect(try fixture.replica.nodeNames()[budi.node.id] == "tablet-budi")
    }

    @Test("a large response is gzip when asked and plain when not; a small one is plain")
    func responseCompression() async throws {
        let fixture = try NodeFixture()
        let ani = try Self.device(fixture, "tablet-ani", records: 12)
        _ = try fixture.replica.apply(ani.changes(survey: Self.survey).map(\.change), survey: Self.survey)
        try await fixture.withClient { client in
            let request = PullRequest(receiver: NodeInfo(id: NodeID.random(), name: "tablet-budi"), after: 0, logId: nil, versionVector: VersionVector(), limit: 100)
            let gzip = try await client.send(.post, surveyPath("pull"), token: fixture.tokens.enumerator, headers: [.acceptEncoding: "deflate, gzip;q=0.8"], body: try json(request))
            #expect(gzip.headers[.contentEncoding] == "gzip")
            #expect(try gzip.decode(PullResponse.self).changes.count == 12)
            let plain = try await client.send(.post, surveyPath("pull"), token: fixture.tokens.enumerator, body: try json(request))
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(try plain.decode(PullResponse.self) == gzip.decode(PullResponse.self))
            let refused = try await client.send(.post, surveyPath("pull"), token: fixture.tokens.enumerator, headers: [.acceptEncoding: "gzip;q=0"], body: try json(request))
            #expect(refused.headers[.contentEncoding] == nil)
            let small = try await client.send(.get, "/healthz", headers: [.acceptEncoding: "gzip"])
            #expect(small.headers[.contentEncoding] == nil)
        }
    }

    @Test("a cursor from another log starts from 0, and still sends nothing the client holds")
    func wrongLogId() async throws {
        let fixture = try NodeFixture()
        let ani = try Self.device(fixture, "tablet-ani", records: 6)
        let budi = try Self.device(fixture, "tablet-budi", records: 4)
        let aniChanges = try ani.changes(survey: Self.survey).map(\.change)
        _ = try fixture.replica.apply(aniChanges, survey: Self.survey)
        _ = try fixture.replica.apply(budi.changes(survey: Self.survey).map(\.change), survey: Self.survey)
        // Budi already holds Ani's first four changes.
        _ = try budi.apply(Array(aniChanges.prefix(4)), survey: Self.survey)
        let state = try fixture.replica.nodeState(survey: Self.survey)
        try await fixture.withClient { client in
            let pulls = try await Self.pullAll(client, into: budi, from: fixture.replica.node, token: fixture.tokens.enumerator, logId: "a-replaced-node", after: state.logPosition + 50)
            let sent = pulls.flatMap(\.changes).map(\.dot)
            #expect(sent == aniChanges.suffix(2).map(\.dot))
            #expect(pulls.last!.next == state.logPosition)
            #expect(pulls.allSatisfy { $0.logId == state.logId })
            // With the right log identity the cursor is kept: nothing after the end.
            let request = PullRequest(receiver: budi.node, after: state.logPosition, logId: state.logId, versionVector: VersionVector(), limit: 100)
            let response = try await client.send(.post, surveyPath("pull"), token: fixture.tokens.enumerator, body: try json(request))
            let pull = try response.decode(PullResponse.self)
            #expect(pull.changes.isEmpty && !pull.more && pull.next == state.logPosition)
            // A cursor past the end of this very log cannot be trusted: read from the start, and
            // never answer a `next` beyond the log.
            let past = PullRequest(receiver: budi.node, after: state.logPosition + 50, logId: state.logId, versionVector: VersionVector(), limit: 100)
            let restarted = try await client.send(.post, surveyPath("pull"), token: fixture.tokens.enumerator, body: try json(past)).decode(PullResponse.self)
            #expect(restarted.next == state.logPosition && restarted.changes.count == 10)
        }
        #expect(try Self.records(budi) == Self.records(fixture.replica))
    }

    @Test("state reports the node, its log and its version vector")
    func state() async throws {
        let fixture = try NodeFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.get, surveyPath("state"), token: fixture.tokens.enumerator, headers: [HTTPField.Name(SyncProtocol.versionHeader)!: "1"])
            let state = try response.decode(NodeState.self)
            #expect(state.protocol == SyncProtocol.version && state.node == fixture.replica.node && state.survey == Self.survey)
            #expect(state == (try fixture.replica.nodeState(survey: Self.survey)).with(serverTime: state.serverTime))
            let forms = try await client.send(.get, surveyPath("forms"), token: fixture.tokens.enumerator)
            #expect(try forms.decode([FormDefinition].self).isEmpty)
        }
    }
}

extension NodeState {
    func with(serverTime: Int64) -> NodeState {
        var state = self
        state.serverTime = serverTime
        return state
    }
}
