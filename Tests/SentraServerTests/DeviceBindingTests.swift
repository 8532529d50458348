import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// A token belongs to one device: the node it was bound to at creation, or the first node that
/// synced with it. Nobody else syncs with it, and no one pushes under the node's own origin.
@Suite("Devices bound to their tokens")
struct DeviceBindingTests {
    /// A fixture with two devices that each wrote records.
    struct Setup {
        let fixture: NodeFixture
        let ani: Replica
        let budi: Replica

        init() throws {
            fixture = try NodeFixture()
            ani = try fixture.device("tablet-ani")
            budi = try fixture.device("tablet-budi")
            for (device, name) in [(ani, "Konveksi Maju"), (budi, "Jahit Berkah")] {
                try device.addRecord(survey: NodeFixture.survey, form: "usaha", fields: .values(["nama_usaha": .string(name)]))
            }
        }
    }

    func expectForbidden(_ response: TestResponse, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == .forbidden, sourceLocation: sourceLocation)
        let error = try response.error
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
    }

    func push(_ client: any TestClientProtocol, _ request: PushRequest, token: String) async throws -> TestResponse {
        try await client.send(.post, surveyPath("push"), token: token, body: try json(request))
    }

    @Test("the first sync binds the token; another node with it is refused 403 wrong_node, nothing applied")
    func firstSyncBinds() async throws {
        let setup = try Setup()
        let token = setup.fixture.tokens.enumerator
        try await setup.fixture.withClient { client in
            #expect(try await push(client, try pushRequest(from: setup.ani), token: token).status == .ok)
            let before = try await setup.fixture.snapshot()
            let forged = try await push(client, try pushRequest(from: setup.budi), token: token)
            #expect(forged.status == .forbidden)
            #expect(try forged.error.code == "wrong_node")
            #expect(try forged.error.message.contains(setup.ani.node.id.rawValue))
            // Posing as Budi with Budi's own changes, or pulling as Budi: refused all the same.
            let pull = PullRequest(receiver: setup.budi.node, after: 0, logId: nil, versionVector: VersionVector(), limit: 10)
            let pulled = try await client.send(.post, surveyPath("pull"), token: token, body: try json(pull))
            try expectForbidden(pulled, "wrong_node")
            #expect(try await setup.fixture.snapshot() == before)
            // Ani goes on syncing with it.
            #expect(try await push(client, try pushRequest(from: setup.ani), token: token).status == .ok)
        }
        let bound = try #require(try setup.fixture.replica.tokens().first { $0.name == "tablet-ani" })
        #expect(bound.node == setup.ani.node.id && bound.firstSync != nil && bound.lastSync != nil)
    }

    @Test("a token bound at creation refuses every other node, even on its first sync")
    func boundAtCreation() async throws {
        let setup = try Setup()
        try await setup.fixture.withClient { client in
            let request = #"{"name": "tablet-budi", "role": "enumerator", "node": "\#(setup.budi.node.id)"}"#
            let created = try await client.send(.post, "/v1/tokens", token: setup.fixture.tokens.admin, body: ByteBuffer(string: request))
            #expect(created.status == .created)
            let issued = try created.decode(IssuedToken.self)
            #expect(issued.node == setup.budi.node.id)
            let forged = try await push(client, try pushRequest(from: setup.ani), token: issued.token)
            try expectForbidden(forged, "wrong_node")
            #expect(try await push(client, try pushRequest(from: setup.budi), token: issued.token).status == .ok)
            let own = #"{"name": "self", "role": "enumerator", "node": "\#(setup.fixture.replica.node.id)"}"#
            let refused = try await client.send(.post, "/v1/tokens", token: setup.fixture.tokens.admin, body: ByteBuffer(string: own))
            #expect(refused.status == .unprocessableContent)
        }
    }

    @Test("a sync posing as the node itself, or a change under its origin it never wrote: 403, nothing applied")
    func ownOrigin() async throws {
        let setup = try Setup()
        let central = setup.fixture.replica
        let token = try setup.fixture.token(for: setup.ani)
        try await setup.fixture.withClient { client in
            #expect(try await push(client, try pushRequest(from: setup.ani), token: token).status == .ok)
            let before = try await setup.fixture.snapshot()

            let posing = PushRequest(sender: central.node, versionVector: VersionVector(), nodes: [], changes: [])
            let asNode = try await push(client, posing, token: setup.fixture.tokens.office)
            try expectForbidden(asNode, "wrong_node")

            let forgedChange = Change(dot: Dot(origin: central.node.id, counter: 1), hlc: HybridTimestamp(physical: 1_764_000_000_000, logical: 0),
                                      record: "forged-1", form: "usaha", context: VersionVector(), operation: .assign(["nama_usaha": .string("Palsu")]))
            var request = try pushRequest(from: setup.ani)
            request.changes.append(forgedChange)
            let forged = try await push(client, request, token: token)
            try expectForbidden(forged, "own_origin")
            #expect(try await setup.fixture.snapshot() == before)
        }
        // A change the node did write comes back through a relay: skipped, as any held change.
        let resolved = try central.addRecord(survey: NodeFixture.survey, form: "usaha", fields: .values(["nama_usaha": .string("Kantor")]))
        _ = try setup.ani.apply([resolved], survey: NodeFixture.survey)
        try await setup.fixture.withClient { client in
            let echoed = try await push(client, try pushRequest(from: setup.ani, changes: [resolved]), token: token)
            #expect(echoed.status == .ok)
            #expect(try echoed.decode(PushResponse.self).skipped == 1)
        }
    }

    @Test("a relay forwards other devices' changes with its own token")
    func relay() async throws {
        let setup = try Setup()
        let supervisor = try setup.fixture.device("supervisor")
        _ = try supervisor.apply(setup.ani.changes(survey: NodeFixture.survey).map(\.change), survey: NodeFixture.survey)
        _ = try supervisor.apply(setup.budi.changes(survey: NodeFixture.survey).map(\.change), survey: NodeFixture.survey)
        let token = try setup.fixture.token(for: supervisor)
        try await setup.fixture.withClient { client in
            let response = try await push(client, try pushRequest(from: supervisor), token: token)
            #expect(response.status == .ok)
            #expect(try response.decode(PushResponse.self).applied == 2)
        }
    }

    @Test("the registry lists each bound device with its name, token, role, syncs and what it holds")
    func registry() async throws {
        let setup = try Setup()
        let aniToken = try setup.fixture.token(for: setup.ani)
        let devices = try await setup.fixture.withClient { client in
            #expect(try await push(client, try pushRequest(from: setup.ani), token: aniToken).status == .ok)
            let enumerator = try await client.send(.get, "/v1/devices", token: setup.fixture.tokens.enumerator)
            #expect(enumerator.status == .forbidden)
            let response = try await client.send(.get, "/v1/devices", token: setup.fixture.tokens.office)
            #expect(response.status == .ok)
            return try response.decode([DeviceRecord].self)
        }
        #expect(devices.count == 1)
        let ani = try #require(devices.first)
        #expect(ani.node == setup.ani.node.id && ani.name == "tablet-ani" && ani.role == "enumerator" && !ani.revoked)
        #expect(ani.firstSync != nil && ani.lastSync != nil)
        #expect(ani.holds[NodeFixture.survey] == VersionVector([setup.ani.node.id: 1]))
        #expect(try setup.fixture.replica.devices() == devices)
    }
}
