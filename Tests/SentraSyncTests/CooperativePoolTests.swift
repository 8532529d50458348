import Foundation
import SentraCore
import SentraStore
import SentraSync
import Testing

/// A sync waiting on SQLite must not hold the thread its task runs on: Swift's cooperative pool
/// has one per core, and on a 2-core machine a server or a test in the same process would stall
/// behind it.
@Suite struct CooperativePoolTests {
    /// A sync runs on an executor with one thread, and its replica is locked for writing by another
    /// connection, so its apply waits. A second task on the same executor must still run meanwhile.
    /// (The executor is the test's own, so other tests loading the global pool cannot change the
    /// outcome.)
    @Test func aSyncWaitingOnSQLiteLeavesItsThreadFree() async throws {
        let directory = TemporaryDirectory()
        let office = try Replica.create(at: directory.path("office.db"), name: "kantor", survey: "ikm")
        try office.addRecord(survey: "ikm", form: "usaha", id: "k1", fields: .values(["a": .integer(1)]))
        let device = try Replica.create(at: directory.path("tablet.db"), name: "tablet", survey: "ikm")
        let executor = SerialTaskExecutor()
        // The whole scenario runs on the test's own executor, the lock's clock included, so a global
        // pool kept busy by other tests cannot delay any part of it past the lock.
        let (ranWhileLocked, summary) = try await Task(executorPreference: executor) { () -> (Bool, SyncSummary) in
            let lock = try await WriteLock.hold(device.path, longest: 25)
            let sync = Task(executorPreference: executor) {
                try await SyncDriver(replica: device, transport: InMemoryTransport(peer: office)).sync(survey: "ikm")
            }
            // About 3 s of turns on the executor, long enough for the sync to reach the locked write;
            // each turn needs the executor's thread. No `Task.sleep`: its timer runs on the global pool.
            let probe = Task(executorPreference: executor) { () -> Bool in
                for _ in 0..<30 {
                    usleep(100_000)
                    await Task.yield()
                }
                return !lock.isReleased
            }
            let ranWhileLocked = await probe.value
            lock.release()
            return (ranWhileLocked, try await sync.value)
        }.value
        #expect(ranWhileLocked, "the probe waited for the sync's SQLite lock: the sync held the executor's only thread")
        #expect(summary.pulled == 1)
    }
}
