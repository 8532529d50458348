// TEMPORARY: stand-ins for the storage API that the users and observe branches add; removed at merge.
import Foundation
import Synchronization
import SentraServer
import SentraStore

struct WebSession: Sendable {
    enum Kind: String, Sendable { case user, token }
    var idHash: String
    var subject: String
    var kind: Kind
    var role: String
    var csrf: String
    var createdAt: String
    var expiresAt: String
}

struct OfficeUser: Sendable {
    var name: String
    var role: String
    var passwordHash: String
    var isActive: Bool
}

enum SessionID {
    static func generate() -> String { AccessToken.generate() }
    static func hash(_ id: String) -> String { AccessToken.hash(id) }
}

enum PasswordHash {
    static func make(_ password: String, cost: UInt8) -> String { password }
    static func verify(_ password: String, hash: String) -> Bool { password == hash }
}

private let pendingSessions = Mutex<[String: WebSession]>([:])

extension NodeStorage {
    func session(idHash: String, now: Date) async throws -> WebSession? { pendingSessions.withLock { $0[idHash] } }
    func insertSession(_ session: WebSession) async throws { pendingSessions.withLock { $0[session.idHash] = session } }
    func deleteSession(idHash: String) async throws { _ = pendingSessions.withLock { $0.removeValue(forKey: idHash) } }
    func user(named name: String) async throws -> OfficeUser? { nil }
}
