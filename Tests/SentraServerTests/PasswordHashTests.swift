import SentraServer
import Testing

/// Office users' passwords as bcrypt hashes, and the office pages' session IDs.
@Suite struct PasswordHashTests {
    @Test func madeHashVerifiesItsPasswordOnly() {
        let hash = PasswordHash.make("kain-batik-2026", cost: 4)
        #expect(hash.hasPrefix("$2b$04$") && hash.count == 60)
        #expect(PasswordHash.verify("kain-batik-2026", hash: hash))
        #expect(!PasswordHash.verify("kain-batik-2027", hash: hash))
        #expect(!PasswordHash.verify("", hash: hash))
        #expect(!PasswordHash.verify("kain-batik-2026", hash: "not a bcrypt hash"))
    }

    @Test func twoHashesOfOnePasswordDiffer() {
        let first = PasswordHash.make("kain-batik-2026", cost: 4)
        let second = PasswordHash.make("kain-batik-2026", cost: 4)
        #expect(first != second, "each hash has its own salt")
        #expect(PasswordHash.verify("kain-batik-2026", hash: first) && PasswordHash.verify("kain-batik-2026", hash: second))
    }

    @Test func defaultCostIs12() {
        let hash = PasswordHash.make("kain-batik-2026")
        #expect(hash.hasPrefix("$2b$12$"))
        #expect(PasswordHash.verify("kain-batik-2026", hash: hash))
    }

    @Test func sessionIDsAreRandomAndStoredAsSHA256() {
        let ids = (0..<200).map { _ in SessionID.generate() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.count == 64 && id.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(SessionID.hash(id) != id && SessionID.hash(id).count == 64)
        }
        #expect(SessionID.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
