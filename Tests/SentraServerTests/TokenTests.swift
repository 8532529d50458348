import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// Issuing, storing, listing and revoking device tokens.
@Suite("Tokens")
struct TokenTests {
    @Test("a token is sentra_ and 64 hex digits, and every one differs")
    func format() {
        let tokens = (0..<200).map { _ in AccessToken.generate() }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.hasPrefix("sentra_"))
            #expect(token.dropFirst(7).count == 64)
            #expect(token.dropFirst(7).allSatisfy { "0123456789abcdef".contains($0) })
        }
        #expect(AccessToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("tokens are stored only as SHA-256 hashes: no token appears in the database files")
    func notInPlainText() async throws {
        let fixture = try NodeFixture()
        let issued = try await fixture.withClient { client in
            var issued: [String] = []
            for (name, role, survey) in [("tablet-budi", "enumerator", NodeFixture.survey), ("supervisor", "office", nil)] {
                let body = try json(["name": name, "role": role, "survey": survey].compactMapValues { $0 })
                let response = try await client.send(.post, "/v1/tokens", token: fixture.tokens.admin, body: body)
                #expect(response.status == .created)
                let token = try response.decode(IssuedToken.self)
                #expect(token.name == name && token.role.rawValue == role && token.survey == survey)
                issued.append(token.token)
                // The new token opens the API at once.
                let state = try await client.send(.get, surveyPath("state"), token: token.token)
                #expect(state.status == .ok)
            }
            return issued
        }
        let all = issued + [fixture.tokens.admin, fixture.tokens.office, fixture.tokens.enumerator, fixture.tokens.revoked]
        let records = try fixture.replica.tokens()
        #expect(records.count == 8)
        for token in all {
            #expect(records.contains { $0.hash == AccessToken.hash(token) })
            #expect(!records.contains { $0.hash.contains(token) || $0.name.contains(token) })
        }
        for record in records {
            #expect(record.hash.count == 64 && record.hash.allSatisfy(\.isHexDigit))
        }
        var files: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm"] {
            let path = fixture.replica.path + suffix
            if let data = FileManager.default.contents(atPath: path) { files[path] = data }
        }
        #expect(files.keys.contains(fixture.replica.path))
        #expect(files.values.contains { $0.range(of: Data(AccessToken.hash(fixture.tokens.admin).utf8)) != nil }, "the hashes are in the files")
        for token in all {
            for (path, data) in files {
                #expect(data.range(of: Data(token.utf8)) == nil, "\(path) holds a token")
                #expect(data.range(of: Data(token.dropFirst(7).utf8)) == nil, "\(path) holds a token's hex")
            }
        }
    }

    @Test("listing shows names, roles, scopes and dates, never hashes")
    func list() async throws {
        let fixture = try NodeFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.get, "/v1/tokens", token: fixture.tokens.admin)
            #expect(response.status == .ok)
            let text = String(decoding: try response.data, as: UTF8.self)
            for record in try fixture.replica.tokens() {
                #expect(!text.contains(record.hash))
            }
            #expect(!text.contains("hash"))
            let entries = try JSONSerialization.jsonObject(with: try response.data) as! [[String: Any]]
            #expect(entries.count == 6)
            for entry in entries {
                #expect(Set(entry.keys) == ["name", "role", "survey", "createdAt", "revokedAt", "node", "lastSync"])
            }
            let revoked = try #require(entries.first { $0["name"] as? String == "lost-tablet" })
            #expect(revoked["revokedAt"] is String)
            let admin = try #require(entries.first { $0["name"] as? String == "admin" })
            #expect(admin["survey"] is NSNull && admin["revokedAt"] is NSNull)
        }
    }

    @Test("create refuses a bad role, an unknown survey, a bad or taken name; revoke is 204, then the token is 401")
    func createAndRevoke() async throws {
        let fixture = try NodeFixture()
        try await fixture.withClient { client in
            let refusals: [([String: String], Int, String)] = [
                (["name": "x", "role": "superuser"], 422, "invalid_input"),
                (["name": "x", "role": "office", "survey": "no-such-survey"], 422, "invalid_input"),
                (["name": "two words", "role": "office"], 422, "invalid_input"),
                (["name": "office", "role": "office"], 409, "token_exists"),
                (["role": "office"], 400, "invalid_body"),
            ]
            let before = try await fixture.snapshot()
            for (body, status, code) in refusals {
                let response = try await client.send(.post, "/v1/tokens", token: fixture.tokens.admin, body: try json(body))
                #expect(Int(response.status.code) == status, "\(body)")
                #expect(try response.error.code == code, "\(body)")
            }
            #expect(try await fixture.snapshot() == before)

            let revoke = try await client.send(.delete, "/v1/tokens/office", token: fixture.tokens.admin)
            #expect(revoke.status == .noContent)
            let after = try await client.send(.get, surveyPath("conflicts"), token: fixture.tokens.office)
            #expect(after.status == .unauthorized)
            let again = try await client.send(.delete, "/v1/tokens/office", token: fixture.tokens.admin)
            #expect(again.status == .noContent)
            let unknown = try await client.send(.delete, "/v1/tokens/nobody", token: fixture.tokens.admin)
            #expect(unknown.status == .notFound)
            #expect(try unknown.error.code == "unknown_token")
        }
    }
}
