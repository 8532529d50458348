import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Synchronization
import Testing

/// The node on a real loopback socket.
@Suite("Live server")
struct LiveServerTests {
    @Test("on an ephemeral port: health, a gzip push, a pull and a refusal over real HTTP")
    func live() async throws {
        // A small body limit, so the oversize request is quick even on a loaded machine.
        let fixture = try NodeFixture(limits: ServerLimits(maxBodyBytes: 256 << 10))
        let device = try fixture.device("tablet-ani")
        for index in 0..<20 {
            try device.addRecord(survey: NodeFixture.survey, form: "usaha", fields: .values(["nama_usaha": .string("Konveksi nomor \(index) di Cibarusah")]))
        }
        let port = Mutex<Int?>(nil)
        let app = fixture.server.application { bound in port.withLock { $0 = bound } }
        try await app.test(.live) { client in
            #expect(try await client.send(.get, "/healthz").decode([String: String].self) == ["status": "ok"])
            let body = try Gzip.compress(try JSONEncoder().encode(try pushRequest(from: device)))
            let push = try await client.send(.post, surveyPath("push"), token: fixture.tokens.enumerator,
                                             headers: [.contentEncoding: "gzip"], body: ByteBuffer(bytes: body))
            #expect(try push.decode(PushResponse.self).applied == 20)
            let request = PullRequest(receiver: NodeInfo(id: NodeID.random(), name: "tablet-budi"), after: 0, logId: nil, versionVector: VersionVector(), limit: 100)
            // Another device, with a token of its own.
            let pull = try await client.send(.post, surveyPath("pull"), token: fixture.tokens.office, headers: [.acceptEncoding: "gzip"], body: try json(request))
            #expect(pull.headers[.contentEncoding] == "gzip")
            #expect(try pull.decode(PullResponse.self).changes.count == 20)
            let refused = try await client.send(.post, surveyPath("push"), token: fixture.tokens.enumerator, body: ByteBuffer(string: #"{"a":1,"a":2}"#))
            #expect(refused.status == .badRequest)
            #expect(try refused.error.code == "duplicate_key")
            let oversize = try await client.send(.post, surveyPath("push"), token: fixture.tokens.enumerator,
                                                 body: ByteBuffer(repeating: UInt8(ascii: " "), count: (256 << 10) + 1))
            #expect(oversize.status == .contentTooLarge)
            #expect(try await client.send(.get, surveyPath("state"), token: fixture.tokens.enumerator).status == .ok)
        }
        let bound = try #require(port.withLock { $0 })
        #expect(bound > 0 && bound != 8080)
    }
}
