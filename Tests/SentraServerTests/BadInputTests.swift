import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import SentraTestSupport
import Testing

/// Bad input gets a 4xx with a JSON error, changes nothing, and the node keeps serving.
@Suite("Bad input")
struct BadInputTests {
    /// A device with three records: a valid push of changes 1 to 3.
    struct Setup {
        let fixture: NodeFixture
        let device: Replica
        let changes: [Change]

        init(_ store: CentralStore = .sqlite, limits: ServerLimits = ServerLimits()) async throws {
            fixture = try await NodeFixture.make(store, limits: limits)
            device = try fixture.device("tablet-ani")
            for name in ["Konveksi Maju", "Jahit Berkah", "Busana Cibarusah"] {
                try device.addRecord(survey: NodeFixture.survey, form: "usaha", fields: .values(["nama_usaha": .string(name)]))
            }
            changes = try device.changes(survey: NodeFixture.survey).map(\.change)
        }

        /// The push with sorted keys, so `"protocol":1,` is in the middle.
        var pushJSON: String {
            get throws {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return String(decoding: try encoder.encode(try pushRequest(from: device)), as: UTF8.self)
            }
        }
    }

    /// Sends `body` to push, expects `status` and `code`, the same state before and after, and a
    /// working node afterwards.
    func expectRefused(
        _ setup: Setup, _ body: ByteBuffer, headers: HTTPFields = [:], route: String = "push",
        status: HTTPResponse.Status, code: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let before = try await setup.fixture.snapshot()
        let message = try await setup.fixture.withClient { client in
            let response = try await client.send(.post, surveyPath(route), token: setup.fixture.tokens.enumerator, headers: headers, body: body)
            #expect(response.status == status, sourceLocation: sourceLocation)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
            let error = try response.error
            #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            let next = try await client.send(.get, surveyPath("state"), token: setup.fixture.tokens.enumerator)
            #expect(next.status == .ok, sourceLocation: sourceLocation)
            return error.message
        }
        #expect(try await setup.fixture.snapshot() == before, sourceLocation: sourceLocation)
        return message
    }

    @Test("malformed JSON: 400 malformed_json", arguments: CentralStore.allCases)
    func malformed(store: CentralStore) async throws {
        let setup = try await Setup(store)
        let json = try setup.pushJSON
        for text in [String(json.dropLast(5)), "{\"protocol\": 1,", "not json", "", "{\"protocol\": 1} trailing",
                     String(repeating: "[", count: 100_000), String(repeating: #"{"a":"#, count: 100_000)] {
            _ = try await expectRefused(setup, ByteBuffer(string: text), status: .badRequest, code: "malformed_json")
        }
    }

    @Test("a duplicate key anywhere: 400 duplicate_key, though the rest would apply", arguments: CentralStore.allCases)
    func duplicateKey(store: CentralStore) async throws {
        let setup = try await Setup(store)
        let json = try setup.pushJSON
        let top = #"{"protocol":1,"# + json.dropFirst()
        let nested = json.replacingOccurrences(of: #""form":"usaha""#, with: #""form":"usaha","form":"usaha""#)
        let escaped = #"{"protoco\u006c":1,"# + json.dropFirst()
        for text in [top, nested, escaped] {
            let message = try await expectRefused(setup, ByteBuffer(string: text), status: .badRequest, code: "duplicate_key")
            #expect(message.contains("protocol") || message.contains("form"))
        }
    }

    @Test("another protocol version: 400 protocol_version naming both versions", arguments: CentralStore.allCases)
    func protocolVersion(store: CentralStore) async throws {
        let setup = try await Setup(store)
        var push = try pushRequest(from: setup.device)
        push.protocol = 2
        let message = try await expectRefused(setup, try json(push), status: .badRequest, code: "protocol_version")
        #expect(message.contains("version 2") && message.contains("version \(SyncProtocol.version)"))
        let missing = try setup.pushJSON.replacingOccurrences(of: #""protocol":1,"#, with: "")
        #expect(try missing != setup.pushJSON)
        _ = try await expectRefused(setup, ByteBuffer(string: missing), status: .badRequest, code: "protocol_version")
        let header: HTTPFields = [HTTPField.Name(SyncProtocol.versionHeader)!: "7"]
        _ = try await expectRefused(setup, try json(try pushRequest(from: setup.device)), headers: header, status: .badRequest, code: "protocol_version")
    }

    @Test("a body over the limit: 413 body_too_large", arguments: CentralStore.allCases)
    func oversize(store: CentralStore) async throws {
        let setup = try await Setup(store)
        let padding = String(repeating: " ", count: 16 << 20)
        let body = ByteBuffer(string: try setup.pushJSON.dropLast() + padding + "}")
        _ = try await expectRefused(setup, body, status: .contentTooLarge, code: "body_too_large")
    }

    @Test("a gzip bomb (200 MB of zeros): 413 decompressed_too_large; bad gzip: 400", arguments: CentralStore.allCases)
    func gzipBomb(store: CentralStore) async throws {
        let setup = try await Setup(store)
        let bomb = try Gzip.compress(Data(count: 200_000_000))
        #expect(bomb.count < ServerLimits().maxBodyBytes)
        let gzip: HTTPFields = [.contentEncoding: "gzip"]
        _ = try await expectRefused(setup, ByteBuffer(bytes: bomb), headers: gzip, status: .contentTooLarge, code: "decompressed_too_large")
        _ = try await expectRefused(setup, ByteBuffer(bytes: bomb.prefix(1_000)), headers: gzip, status: .badRequest, code: "malformed_gzip")
        _ = try await expectRefused(setup, ByteBuffer(string: try setup.pushJSON), headers: gzip, status: .badRequest, code: "malformed_gzip")
        _ = try await expectRefused(setup, ByteBuffer(string: try setup.pushJSON), headers: [.contentEncoding: "br"],
                                    status: .unsupportedMediaType, code: "unsupported_encoding")
    }

    @Test("a batch with a gap: 409 causal_gap, and not even the changes before the gap apply", arguments: CentralStore.allCases)
    func gap(store: CentralStore) async throws {
        let setup = try await Setup(store)
        let push = try pushRequest(from: setup.device, changes: [setup.changes[0], setup.changes[2]])
        let message = try await expectRefused(setup, try json(push), status: .conflict, code: "causal_gap")
        #expect(message.contains("gap"))
    }

    @Test("a change reusing a held dot with other content: 409 conflicting_dot, nothing applied", arguments: CentralStore.allCases)
    func conflictingDot(store: CentralStore) async throws {
        let setup = try await Setup(store)
        try await setup.fixture.withClient { client in
            let first = try pushRequest(from: setup.device, changes: [setup.changes[0]])
            let response = try await client.send(.post, surveyPath("push"), token: setup.fixture.tokens.enumerator, body: try json(first))
            #expect(try response.decode(PushResponse.self).applied == 1)
        }
        var forged = setup.changes[0]
        forged.operation = .assign(["nama_usaha": .string("Forged")])
        let push = try pushRequest(from: setup.device, changes: [forged, setup.changes[1]])
        _ = try await expectRefused(setup, try json(push), status: .conflict, code: "conflicting_dot")
        #expect(try await setup.fixture.storage.state(survey: NodeFixture.survey).versionVector[setup.device.node.id] == 1)
    }

    @Test("a batch over the limit: 413 batch_too_large, though every change would apply", arguments: CentralStore.allCases)
    func batchTooLarge(store: CentralStore) async throws {
        let setup = try await Setup(store)
        let origin = NodeID.random()
        let changes = (1...5_001).map { counter in
            Change(dot: Dot(origin: origin, counter: counter), hlc: HybridTimestamp(physical: 1_764_000_000_000 + Int64(counter), logical: 0),
                   record: "r\(counter)", form: "usaha", context: VersionVector(), operation: .assign(["n": .integer(Int64(counter))]))
        }
        let push = PushRequest(sender: NodeInfo(id: origin, name: "bulk"), versionVector: VersionVector([origin: 5_001]), nodes: [], changes: changes)
        let message = try await expectRefused(setup, try json(push), status: .contentTooLarge, code: "batch_too_large")
        #expect(message.contains("5001") && message.contains("5000"))
        // The same changes in a batch within the limit do apply: the refusal was the size.
        let small = PushRequest(sender: push.sender, versionVector: push.versionVector, nodes: [], changes: Array(changes.prefix(10)))
        try await setup.fixture.withClient { client in
            let response = try await client.send(.post, surveyPath("push"), token: setup.fixture.tokens.enumerator, body: try json(small))
            #expect(try response.decode(PushResponse.self).applied == 10)
        }
    }

    @Test("valid JSON of the wrong shape, and bad pull parameters: 400 or 422", arguments: CentralStore.allCases)
    func wrongShape(store: CentralStore) async throws {
        let setup = try await Setup(store)
        _ = try await expectRefused(setup, ByteBuffer(string: #"{"protocol": 1, "changes": 3}"#), status: .badRequest, code: "invalid_body")
        _ = try await expectRefused(setup, ByteBuffer(string: "[1, 2]"), status: .badRequest, code: "invalid_body")
        let pull = PullRequest(receiver: setup.device.node, after: 0, logId: nil, versionVector: VersionVector(), limit: 0)
        _ = try await expectRefused(setup, try json(pull), route: "pull", status: .unprocessableContent, code: "invalid_input")
    }

    @Test("a change the protocol forbids: 400 invalid_body naming the change", arguments: [
        (#""set":{"nama_usaha":"Busana Cibarusah"}"#, #""set":{"_deleted":true}"#, "_deleted"),
        (#""set":{"nama_usaha":"Busana Cibarusah"}"#, #""set":{}"#, "no field"),
        (#""hlc":"#, #""hlc":9223372036854775808,"_":"#, "2^46"),
    ])
    func forbiddenChange(original: String, replacement: String, mentioning word: String) async throws {
        let setup = try await Setup()
        let json = try setup.pushJSON
        #expect(json.contains(original))
        // The last change only: changes 1 and 2 would apply, and must not.
        let range = try #require(json.range(of: original, options: .backwards))
        let message = try await expectRefused(setup, ByteBuffer(string: json.replacingCharacters(in: range, with: replacement)),
                                              status: .badRequest, code: "invalid_body")
        #expect(message.contains(word) && message.contains("changes[2]"), "\(message)")
    }
}
