import Dispatch
import Foundation
import Synchronization

/// Long synchronous test work (a simulation on real SQLite files, every commit fsynced) run on
/// Dispatch threads, one per core, instead of on Swift's cooperative threads.
///
/// swift-testing starts every case of a parameterised test at once. 300 synchronous simulation
/// cases of about half a second each would fill the cooperative pool's queue (one thread per core)
/// for minutes, and the async tests of every target in the process, the live server's among them
/// with its 20 s read timeout, would wait behind them.
enum HeavyWork {
    private static let queues = (0..<max(1, ProcessInfo.processInfo.activeProcessorCount)).map {
        DispatchQueue(label: "sentra.tests.heavy-\($0)")
    }
    private static let next = Atomic<Int>(0)

    /// Runs `body` on the next of the serial queues and waits for it without holding a cooperative thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let queue = queues[next.add(1, ordering: .relaxed).oldValue % queues.count]
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
