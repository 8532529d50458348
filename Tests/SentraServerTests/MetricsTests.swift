import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// `/metrics` renders the server's own Prometheus registry.
@Suite("Metrics")
struct MetricsTests {
    @Test("after some requests the counters, the sync timer and the error counter are there")
    func counters() async throws {
        let fixture = try NodeFixture()
        let other = try NodeFixture()
        let device = try fixture.device("tablet-ani")
        for index in 0..<3 {
            try device.addRecord(survey: NodeFixture.survey, form: "usaha", fields: .values(["nama_usaha": .string("Usaha \(index)")]))
        }
        let text = try await fixture.withClient { client in
            try await client.send(.post, surveyPath("push"), token: fixture.tokens.enumerator, body: try json(try pushRequest(from: device)))
            let pull = PullRequest(receiver: device.node, after: 0, logId: nil, versionVector: VersionVector(), limit: 10)
            try await client.send(.post, surveyPath("pull"), token: fixture.tokens.enumerator, body: try json(pull))
            try await client.send(.get, surveyPath("state"))
            try await client.send(.get, surveyPath("state"), token: fixture.tokens.enumerator)
            try await client.send(.post, surveyPath("push"), token: fixture.tokens.enumerator, body: ByteBuffer(string: "{"))
            try await client.send(.get, "/nowhere")
            let response = try await client.send(.get, "/metrics", token: fixture.tokens.enumerator)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            return String(decoding: try response.data, as: UTF8.self)
        }
        let expected = [
            #"sentra_http_requests_total{route="/v1/surveys/{survey}/push",status="200"} 1"#,
            #"sentra_http_requests_total{route="/v1/surveys/{survey}/push",status="400"} 1"#,
            #"sentra_http_requests_total{route="/v1/surveys/{survey}/pull",status="200"} 1"#,
            #"sentra_http_requests_total{route="/v1/surveys/{survey}/state",status="401"} 1"#,
            #"sentra_http_requests_total{route="/v1/surveys/{survey}/state",status="200"} 1"#,
            #"sentra_http_requests_total{route="unmatched",status="404"} 1"#,
            #"sentra_changes_applied_total{survey="ikm-konveksi"} 3"#,
            #"sentra_sync_duration_seconds_count{route="push"} 1"#,
            #"sentra_sync_duration_seconds_count{route="pull"} 1"#,
            #"sentra_errors_total{code="unauthorized"} 1"#,
            #"sentra_errors_total{code="malformed_json"} 1"#,
            #"sentra_errors_total{code="not_found"} 1"#,
        ]
        for line in expected {
            #expect(text.contains(line), "\(line)\n---\n\(text)")
        }
        #expect(text.contains("# TYPE sentra_sync_duration_seconds histogram"))

        // Another server in the same process counts on its own.
        let otherText = try await other.withClient { client in
            String(decoding: try await client.send(.get, "/metrics", token: other.tokens.admin).data, as: UTF8.self)
        }
        #expect(!otherText.contains("sentra_changes_applied_total"))
        #expect(!otherText.contains("push"))
    }

    @Test("/metrics takes any token not scoped to a survey, whatever its role; without one it is 401")
    func needsAToken() async throws {
        let fixture = try NodeFixture()
        try await fixture.withClient { client in
            let anonymous = try await client.send(.get, "/metrics")
            #expect(anonymous.status == .unauthorized)
            #expect(try anonymous.error.code == "unauthorized")
            #expect(!String(decoding: try anonymous.data, as: UTF8.self).contains("sentra_http_requests_total"))
            for token in [fixture.tokens.enumerator, fixture.tokens.office, fixture.tokens.admin] {
                let response = try await client.send(.get, "/metrics", token: token)
                #expect(response.status == .ok)
                #expect(String(decoding: try response.data, as: UTF8.self).contains("sentra_http_requests_total"))
            }
            for token in [fixture.tokens.revoked, fixture.tokens.unknown] {
                #expect(try await client.send(.get, "/metrics", token: token).status == .unauthorized)
            }
            // The metrics name and count every survey: a token scoped to one survey may not read them.
            let scoped = try await client.send(.get, "/metrics", token: fixture.tokens.scopedAdmin)
            #expect(scoped.status == .forbidden)
            #expect(try scoped.error.code == "forbidden")
        }
    }

    @Test("with publicMetrics (sentra serve --public-metrics) /metrics needs no token; other routes still do")
    func publicMetrics() async throws {
        let fixture = try NodeFixture(publicMetrics: true)
        try await fixture.withClient { client in
            try await client.send(.get, "/healthz")
            let anonymous = try await client.send(.get, "/metrics")
            #expect(anonymous.status == .ok)
            #expect(anonymous.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(String(decoding: try anonymous.data, as: UTF8.self).contains("sentra_http_requests_total"))
            #expect(try await client.send(.get, "/metrics", token: fixture.tokens.enumerator).status == .ok)
            #expect(try await client.send(.get, surveyPath("state")).status == .unauthorized)
        }
    }
}
