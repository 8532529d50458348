import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// A push whose HLC is the greatest the protocol allows: applied, counted, answered, and the
/// node's own timestamps stay in range afterwards.
@Suite("Clock ahead")
struct ClockAheadRouteTests {
    @Test("the greatest HLC is applied and counted, and the node's next write stays in range")
    func greatestHLC() async throws {
        let fixture = try NodeFixture()
        let device = try fixture.device("tablet-ani")
        let record = try device.addRecord(survey: NodeFixture.survey, form: "usaha", fields: .values(["nama_usaha": .string("Maju")]))
        var forged = try device.setFields(survey: NodeFixture.survey, record: record.record, fields: .values(["pekerja": .integer(3)]))
        forged.hlc = .greatest
        let push = try pushRequest(from: device, changes: [record, forged])
        let metrics = try await fixture.withClient { client in
            let response = try await client.send(.post, surveyPath("push"), token: fixture.tokens.enumerator, body: try json(push))
            #expect(response.status == .ok)
            let answer = try response.decode(PushResponse.self)
            #expect(answer.applied == 2 && answer.clockAhead == 1)
            let pull = PullRequest(receiver: device.node, after: 0, logId: nil, versionVector: VersionVector(), limit: 10)
            let pulled = try await client.send(.post, surveyPath("pull"), token: fixture.tokens.enumerator, body: try json(pull))
            #expect(try pulled.decode(PullResponse.self).changes.map(\.hlc).last == .greatest)
            return String(decoding: try await client.send(.get, "/metrics", token: fixture.tokens.admin).data, as: UTF8.self)
        }
        #expect(metrics.contains(#"sentra_changes_clock_ahead_total{survey="ikm-konveksi"} 1"#), "\(metrics)")
        let own = try fixture.replica.setFields(survey: NodeFixture.survey, record: record.record, fields: .values(["pekerja": .integer(4)]))
        #expect(HybridTimestamp.isInRange(own.hlc.rawValue) && own.hlc < .greatest)
        #expect(try fixture.replica.changes(survey: NodeFixture.survey).count == 3)
    }
}
