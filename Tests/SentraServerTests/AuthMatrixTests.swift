import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import SentraTestSupport
import Testing

/// Every authenticated route in ``NodeRoutes/all`` refuses what it must, on either store.
@Suite("Authorization matrix")
struct AuthMatrixTests {
    /// A concrete URI for a route template.
    static func uri(_ route: NodeRoutes.Route, survey: String = NodeFixture.survey) -> String {
        route.path.replacingOccurrences(of: "{survey}", with: survey)
            .replacingOccurrences(of: "{id}", with: "0190a1b2-0000-7000-8000-000000000001")
            .replacingOccurrences(of: "{name}", with: "office")
    }

    static let authenticated = NodeRoutes.all.filter { $0.role != nil }

    @Test("the table covers the whole API; only /healthz is open, and /metrics too with --public-metrics")
    func table() {
        #expect(NodeRoutes.all.count == 19)
        #expect(NodeRoutes.all.filter { $0.role == nil }.map(\.path) == ["/healthz"])
        #expect(NodeRoutes.all.first { $0.path == "/metrics" }?.role == .enumerator)
        #expect(Set(NodeRoutes.all.map(\.description)).count == NodeRoutes.all.count)
        #expect(NodeRoutes.routes(publicMetrics: false).map(\.description) == NodeRoutes.all.map(\.description))
        let open = NodeRoutes.routes(publicMetrics: true)
        #expect(open.map(\.description) == NodeRoutes.all.map(\.description))
        #expect(open.filter { $0.role == nil }.map(\.path) == ["/healthz", "/metrics"])
    }

    @Test("no token, an unknown token, a revoked token or a malformed header: 401 with a JSON error", arguments: CentralStore.allCases)
    func unauthenticated(store: CentralStore) async throws {
        let fixture = try await NodeFixture.make(store)
        let before = try await fixture.snapshot()
        try await fixture.withClient { client in
            for route in Self.authenticated {
                let attempts: [(String, HTTPFields)] = [
                    ("no token", [:]),
                    ("unknown token", [.authorization: "Bearer \(fixture.tokens.unknown)"]),
                    ("revoked token", [.authorization: "Bearer \(fixture.tokens.revoked)"]),
                    ("hash for token", [.authorization: "Bearer \(AccessToken.hash(fixture.tokens.admin))"]),
                    ("basic scheme", [.authorization: "Basic \(fixture.tokens.admin)"]),
                    ("empty bearer", [.authorization: "Bearer "]),
                ]
                for (what, headers) in attempts {
                    let response = try await client.send(route.method, Self.uri(route), headers: headers, body: ByteBuffer(string: "{}"))
                    #expect(response.status == .unauthorized, "\(route) with \(what)")
                    #expect(try response.error.code == "unauthorized", "\(route) with \(what)")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(route) with \(what)")
                }
            }
        }
        #expect(try await fixture.snapshot() == before)
    }

    @Test("a role below the route's: 403", arguments: CentralStore.allCases)
    func roleTooLow(store: CentralStore) async throws {
        let fixture = try await NodeFixture.make(store)
        try await fixture.withClient { client in
            var checked = 0
            for route in Self.authenticated {
                let lower: [(String, String)] = switch route.role {
                case .office: [("enumerator", fixture.tokens.enumerator)]
                case .admin: [("enumerator", fixture.tokens.enumerator), ("office", fixture.tokens.office)]
                default: []
                }
                for (role, token) in lower {
                    let response = try await client.send(route.method, Self.uri(route), token: token, body: ByteBuffer(string: "{}"))
                    #expect(response.status == .forbidden, "\(route) as \(role)")
                    #expect(try response.error.code == "forbidden", "\(route) as \(role)")
                    #expect(try response.error.message.contains(route.role!.rawValue), "\(route) as \(role)")
                    checked += 1
                }
            }
            #expect(checked == 10 + 3 * 2)
        }
    }

    @Test("a token scoped to another survey: 403; a scoped admin on the token routes: 403", arguments: CentralStore.allCases)
    func wrongSurvey(store: CentralStore) async throws {
        let fixture = try await NodeFixture.make(store)
        try await fixture.withClient { client in
            for route in Self.authenticated {
                let response = try await client.send(route.method, Self.uri(route), token: fixture.tokens.otherSurveyAdmin, body: ByteBuffer(string: "{}"))
                #expect(response.status == .forbidden, "\(route)")
                #expect(try response.error.code == "forbidden", "\(route)")
                if !route.isSurveyScoped {
                    let scoped = try await client.send(route.method, Self.uri(route), token: fixture.tokens.scopedAdmin, body: ByteBuffer(string: "{}"))
                    #expect(scoped.status == .forbidden, "\(route) with an admin scoped to its survey")
                }
            }
            // Scoped to another survey, a survey the node lacks is still 403: the token learns nothing.
            let missing = try await client.send(.get, surveyPath("state", survey: "no-such-survey"), token: fixture.tokens.otherSurveyAdmin)
            #expect(missing.status == .forbidden)
        }
    }

    @Test("a sufficient token passes the check on every route (whatever the route then answers)", arguments: CentralStore.allCases)
    func sufficient(store: CentralStore) async throws {
        let fixture = try await NodeFixture.make(store)
        try await fixture.withClient { client in
            for route in Self.authenticated {
                let tokens = [fixture.tokens.admin] + (route.isSurveyScoped ? [fixture.tokens.scopedAdmin] : [])
                    + (route.role == .enumerator ? [fixture.tokens.enumerator] : [])
                    + (route.role == .office ? [fixture.tokens.office] : [])
                for token in tokens {
                    let uri = route.method == .delete ? "/v1/tokens/tablet-ani" : Self.uri(route)
                    let response = try await client.send(route.method, uri, token: token, body: ByteBuffer(string: "{}"))
                    #expect(![.unauthorized, .forbidden].contains(response.status), "\(route): \(response.status)")
                }
            }
        }
    }

    @Test("the open route needs no token; an unknown survey is 404; an unknown route is a JSON 404", arguments: CentralStore.allCases)
    func openAndMissing(store: CentralStore) async throws {
        let fixture = try await NodeFixture.make(store)
        try await fixture.withClient { client in
            let health = try await client.send(.get, "/healthz")
            #expect(health.status == .ok)
            #expect(try health.decode([String: String].self) == ["status": "ok"])
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == .unauthorized)
            #expect(try metrics.error.code == "unauthorized")

            let missing = try await client.send(.get, surveyPath("state", survey: "no-such-survey"), token: fixture.tokens.admin)
            #expect(missing.status == .notFound)
            #expect(try missing.error.code == "unknown_survey")
            let route = try await client.send(.get, "/v1/nothing-here", token: fixture.tokens.admin)
            #expect(route.status == .notFound)
            #expect(try route.error.code == "not_found")
            let method = try await client.send(.put, surveyPath("state"), token: fixture.tokens.admin)
            #expect(method.status.code >= 400 && method.status.code < 500)
            #expect(try !method.error.message.isEmpty)
        }
    }
}
