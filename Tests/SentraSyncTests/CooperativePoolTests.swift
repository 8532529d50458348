import Foundation
import SentraCore
import SentraStore
import SentraSync
import Testing

/// A sync waiting on SQLite must not hold one of Swift's cooperative threads: there is one per
/// core, and on a 2-core machine a server or a test in the same process would stall behind it.
@Suite struct CooperativePoolTests {
    /// As many syncs as there are cooperative threads, each stuck on a replica another connection
    /// has locked for writing. This test's own task must still run while they wait.
    @Test func syncsWaitingOnSQLiteLeaveThePoolFree() async throws {
        let width = ProcessInfo.processInfo.activeProcessorCount
        let directory = TemporaryDirectory()
        let office = try Replica.create(at: directory.path("office.db"), name: "kantor", survey: "ikm")
        try office.addRecord(survey: "ikm", form: "usaha", id: "k1", fields: .values(["a": .integer(1)]))
        let devices = try (0..<width).map { try Replica.create(at: directory.path("tablet-\($0).db"), name: "tablet-\($0)", survey: "ikm") }
        var locks: [WriteLock] = []
        for device in devices { locks.append(try await WriteLock.hold(device.path, longest: 25)) }
        let syncs = Task {
            try await withThrowingTaskGroup(of: SyncSummary.self) { group in
                for device in devices {
                    group.addTask { try await SyncDriver(replica: device, transport: InMemoryTransport(peer: office)).sync(survey: "ikm") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        // Long enough for every sync to reach the locked write; this task then needs a thread again.
        try await Task.sleep(for: .seconds(2))
        let ranWhileLocked = !locks.contains(where: \.isReleased)
        locks.forEach { $0.release() }
        let summaries = try await syncs.value
        #expect(ranWhileLocked, "this task waited for the syncs' SQLite locks: they held every cooperative thread")
        #expect(summaries.count == width && summaries.allSatisfy { $0.pulled == 1 })
    }
}
