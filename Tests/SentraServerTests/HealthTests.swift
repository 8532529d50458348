import Foundation
import HummingbirdTesting
import Logging
import SentraPostgres
import SentraServer
import SentraTestSupport
import Testing

/// `GET /healthz` says whether the node can read its store, not only that it listens.
@Suite("Health")
struct HealthTests {
    @Test("ok while PostgreSQL answers; 503 storage once it is down")
    func followsTheDatabase() async throws {
        let postgres = try PostgresServer()
        defer { postgres.stop() }
        let url = try PostgresURL(try postgres.createDatabase("kantor"))
        let store = try await PostgresStore.create(url, name: "kantor", survey: NodeFixture.survey, logger: NodeFixture.quietLogger)
        defer { store.close() }
        let server = NodeServer(storage: store, port: 0, logger: NodeFixture.quietLogger)
        try await server.application().test(.router) { client in
            let up = try await client.send(.get, "/healthz")
            #expect(up.status == .ok)
            postgres.stop()
            let down = try await client.send(.get, "/healthz")
            #expect(down.status == .serviceUnavailable)
            #expect(try down.error.code == "storage")
        }
    }
}
