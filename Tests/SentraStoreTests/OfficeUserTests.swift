import Foundation
import GRDB
import SentraCore
import Testing
@testable import SentraStore

/// Office users and the office pages' browser sessions, as the replica keeps them.
@Suite struct OfficeUserTests {
    private static let created = Date(timeIntervalSince1970: 1_764_000_000)

    private func user(_ name: String, role: String = "office") -> OfficeUser {
        OfficeUser(name: name, role: role, passwordHash: "$2b$04$hash-of-\(name)", createdAt: Self.created.ISO8601Format())
    }

    private func session(_ idHash: String, subject: String = "dewi", kind: WebSession.Kind = .user,
                         from start: Date = created, hours: Double = 8) -> WebSession {
        WebSession(idHash: idHash, subject: subject, kind: kind, role: "office", csrf: "csrf-\(idHash)",
                   createdAt: start.ISO8601Format(), expiresAt: start.addingTimeInterval(hours * 3600).ISO8601Format())
    }

    @Test func addedUserIsFoundInAnyCase() throws {
        let replica = try StoreFixture().replica("kantor")
        try replica.addUser(user("Dewi"))
        try replica.addUser(user("budi", role: "admin"))
        let found = try #require(try replica.user(named: "dEWI"))
        #expect(found == user("Dewi"))
        #expect(found.isActive)
        #expect(try replica.user(named: "ani") == nil)
        #expect(try replica.users().map(\.name) == ["budi", "Dewi"])
    }

    @Test func takenNameIsRefusedInAnyCase() throws {
        let replica = try StoreFixture().replica("kantor")
        try replica.addUser(user("dewi"))
        let error = #expect(throws: StoreError.self) { try replica.addUser(user("DEWI", role: "admin")) }
        #expect(error?.code == .userExists)
        #expect(try replica.users() == [user("dewi")])
    }

    @Test func badNamesAndTheEnumeratorRoleAreRefused() throws {
        let replica = try StoreFixture().replica("kantor")
        for name in ["", "dewi sari", "_dewi", String(repeating: "d", count: 65), "déwi"] {
            let error = #expect(throws: StoreError.self) { try replica.addUser(user(name)) }
            #expect(error?.code == .invalidInput, "\(name)")
        }
        let error = #expect(throws: StoreError.self) { try replica.addUser(user("ani", role: "enumerator")) }
        #expect(error?.code == .invalidInput)
        #expect(try replica.users().isEmpty)
    }

    @Test func passwordChangeReplacesTheHashAndEndsSessions() throws {
        let replica = try StoreFixture().replica("kantor")
        try replica.addUser(user("dewi"))
        try replica.insertSession(session("s1"))
        try replica.setPassword(user: "DEWI", hash: "$2b$04$new")
        #expect(try replica.user(named: "dewi")?.passwordHash == "$2b$04$new")
        #expect(try replica.session(idHash: "s1", now: Self.created) == nil)
        let error = #expect(throws: StoreError.self) { try replica.setPassword(user: "ani", hash: "$2b$04$x") }
        #expect(error?.code == .unknownUser)
    }

    @Test func disablingEndsTheUsersSessionsOnly() throws {
        let replica = try StoreFixture().replica("kantor")
        try replica.addUser(user("dewi"))
        try replica.addUser(user("budi"))
        try replica.insertSession(session("s1", subject: "dewi"))
        try replica.insertSession(session("s2", subject: "dewi"))
        try replica.insertSession(session("s3", subject: "budi"))
        try replica.insertSession(session("s4", subject: "dewi", kind: .token))
        let time = Self.created.addingTimeInterval(60)
        try replica.disableUser(named: "Dewi", at: time)
        let dewi = try #require(try replica.user(named: "dewi"))
        #expect(!dewi.isActive && dewi.disabledAt == time.ISO8601Format())
        #expect(try replica.session(idHash: "s1", now: time) == nil)
        #expect(try replica.session(idHash: "s2", now: time) == nil)
        #expect(try replica.session(idHash: "s3", now: time) == session("s3", subject: "budi"))
        #expect(try replica.session(idHash: "s4", now: time) != nil, "a token named dewi is not the user dewi")
        try replica.disableUser(named: "dewi", at: time.addingTimeInterval(60))
        #expect(try replica.user(named: "dewi")?.disabledAt == time.ISO8601Format(), "the first time stays")
        let error = #expect(throws: StoreError.self) { try replica.disableUser(named: "ani", at: time) }
        #expect(error?.code == .unknownUser)
    }

    @Test func sessionIsFoundUntilItExpires() throws {
        let replica = try StoreFixture().replica("kantor")
        let stored = session("abc123")
        try replica.insertSession(stored)
        #expect(try replica.session(idHash: "abc123", now: Self.created) == stored)
        #expect(try replica.session(idHash: "abc123", now: Self.created.addingTimeInterval(8 * 3600 - 1)) == stored)
        #expect(try replica.session(idHash: "other", now: Self.created) == nil)
        #expect(try replica.session(idHash: "abc123", now: Self.created.addingTimeInterval(8 * 3600)) == nil)
        #expect(try sessionRows(replica) == 0, "an expired session is deleted when it is looked up")
    }

    @Test func insertingDeletesExpiredSessions() throws {
        let replica = try StoreFixture().replica("kantor")
        try replica.insertSession(session("old", hours: 1))
        try replica.insertSession(session("long", hours: 24))
        try replica.insertSession(session("new", from: Self.created.addingTimeInterval(2 * 3600)))
        #expect(try sessionRows(replica) == 2)
        #expect(try replica.session(idHash: "long", now: Self.created.addingTimeInterval(3 * 3600)) != nil)
    }

    @Test func sessionsAreDeletedByIDAndBySubject() throws {
        let replica = try StoreFixture().replica("kantor")
        try replica.insertSession(session("s1", subject: "dewi"))
        try replica.insertSession(session("s2", subject: "supervisor", kind: .token))
        try replica.insertSession(session("s3", subject: "supervisor", kind: .token))
        try replica.deleteSession(idHash: "s1")
        try replica.deleteSession(idHash: "missing")
        #expect(try replica.session(idHash: "s1", now: Self.created) == nil)
        try replica.deleteSessions(subject: "supervisor")
        #expect(try sessionRows(replica) == 0)
    }

    @Test func revokingATokenEndsItsSessions() throws {
        let replica = try StoreFixture().replica("kantor")
        try replica.insertToken(TokenRecord(name: "supervisor", hash: "h1", role: "office", survey: nil, createdAt: Self.created.ISO8601Format()))
        try replica.insertSession(session("s1", subject: "supervisor", kind: .token))
        try replica.insertSession(session("s2", subject: "supervisor", kind: .user))
        try replica.revokeToken(named: "supervisor")
        #expect(try replica.session(idHash: "s1", now: Self.created) == nil)
        #expect(try replica.session(idHash: "s2", now: Self.created) != nil)
    }

    @Test func sessionWithBadTimesOrRoleIsRefused() throws {
        let replica = try StoreFixture().replica("kantor")
        var local = session("s1")
        local.expiresAt = "2026-12-02T15:00:00+07:00"
        var unreadable = session("s2")
        unreadable.createdAt = "yesterday"
        var enumerator = session("s3")
        enumerator.role = "enumerator"
        for bad in [local, unreadable, enumerator] {
            let error = #expect(throws: StoreError.self) { try replica.insertSession(bad) }
            #expect(error?.code == .invalidInput)
        }
        var fractional = session("s4")
        fractional.expiresAt = "2025-11-24T23:00:00.250Z"
        try replica.insertSession(fractional)
        #expect(try replica.session(idHash: "s4", now: Date(timeIntervalSince1970: 1_764_025_200)) != nil)
        #expect(try replica.session(idHash: "s4", now: Date(timeIntervalSince1970: 1_764_025_200.5)) == nil)
    }

    /// A replica made at v7 opens at v8 with its data, and takes users and sessions.
    @Test func replicaFromV7KeepsItsDataAndTakesUsers() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("v7.db")
        let queue = try DatabaseQueue(path: path)
        try ReplicaSchema.migrator.migrate(queue, upTo: "v7: office nodes")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO node (id, name, default_survey, created_at, office) VALUES ('k0ffice', 'kantor', 'ikm', '2026-11-01T00:00:00Z', 1)
                """)
            try db.execute(sql: "INSERT INTO survey (name, log_id) VALUES ('ikm', 'log-1')")
            try db.execute(sql: """
                INSERT INTO token (name, hash, role, survey, created_at) VALUES ('supervisor', 'abc', 'office', NULL, '2026-11-01T00:00:00Z')
                """)
        }
        try queue.close()
        let replica = try Replica.open(at: path)
        #expect(replica.node.id.rawValue == "k0ffice")
        #expect(try replica.isOffice())
        #expect(try replica.surveys() == ["ikm"])
        #expect(try replica.token(hash: "abc")?.name == "supervisor")
        #expect(try replica.users().isEmpty)
        try replica.addUser(user("dewi"))
        try replica.insertSession(session("s1"))
        #expect(try replica.user(named: "DEWI")?.name == "dewi")
        #expect(try replica.session(idHash: "s1", now: Self.created)?.subject == "dewi")
        let indexes = try replica.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'web_session' AND sql IS NOT NULL")
        }
        #expect(indexes == ["web_session_expires_at"])
    }

    private func sessionRows(_ replica: Replica) throws -> Int {
        try replica.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM web_session") ?? 0 }
    }
}
