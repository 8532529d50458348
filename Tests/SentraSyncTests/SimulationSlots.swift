/// A limit on how many seeded simulations run at once in this test process.
///
/// swift-testing starts every case of a parameterized test at once, and a simulation's cases are
/// async, so all 300 seeds interleave, each holding 3 to 5 open replicas: over 6,000 open files.
/// Foundation's `Process.run()` on Linux (Swift 6.3.1) reads `/proc/self/fd` with a buffer
/// over-read that crashes when that many files are open (swift-corelibs-foundation PR #5472), and
/// process tests run beside these. A few simulations at a time keep the files in the dozens.
actor SimulationSlots {
    static let shared = SimulationSlots(limit: 4)

    private let limit: Int
    private var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `body` once a slot is free.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if inUse < limit {
            inUse += 1
            return
        }
        // A finishing simulation hands its slot straight to the first waiter.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            inUse -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
