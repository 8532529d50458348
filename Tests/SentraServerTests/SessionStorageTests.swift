import Foundation
import SentraServer
import SentraStore
import Testing

/// Office users and sessions through the node's storage protocol, as the office pages reach them.
@Suite struct SessionStorageTests {
    @Test func storageFindsUsersAndKeepsSessionsUntilSignOut() async throws {
        let fixture = try NodeFixture()
        let storage: any NodeStorage = ReplicaStorage(replica: fixture.replica)
        let hash = PasswordHash.make("kain-batik-2026", cost: 4)
        try fixture.replica.addUser(OfficeUser(name: "Dewi", role: "office", passwordHash: hash, createdAt: Date().ISO8601Format()))
        let user = try #require(try await storage.user(named: "dewi"))
        #expect(user.name == "Dewi" && user.isActive && PasswordHash.verify("kain-batik-2026", hash: user.passwordHash))
        #expect(try await storage.user(named: "ani") == nil)

        let now = Date()
        let id = SessionID.generate()
        let session = WebSession(idHash: SessionID.hash(id), subject: user.name, kind: .user, role: user.role, csrf: SessionID.generate(),
                                 createdAt: now.ISO8601Format(), expiresAt: now.addingTimeInterval(8 * 3600).ISO8601Format())
        try await storage.insertSession(session)
        #expect(try await storage.session(idHash: SessionID.hash(id), now: now) == session)
        #expect(try await storage.session(idHash: id, now: now) == nil, "the ID itself finds nothing: only its hash is stored")
        #expect(try await storage.session(idHash: SessionID.hash(id), now: now.addingTimeInterval(8 * 3600 + 1)) == nil)

        try await storage.insertSession(session)
        try await storage.deleteSession(idHash: SessionID.hash(id))
        #expect(try await storage.session(idHash: SessionID.hash(id), now: now) == nil)
    }
}
