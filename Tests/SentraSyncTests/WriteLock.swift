import Foundation
@testable import SentraStore
import Synchronization

/// Another connection's write transaction on a replica file, as another process's would be: every
/// write to the file waits (SQLite's busy timeout) until it is released.
final class WriteLock: Sendable {
    private let releaseSignal = DispatchSemaphore(value: 0)
    private let released = Mutex(false)

    /// Whether the transaction has ended: released by ``release()`` or after its longest hold.
    var isReleased: Bool { released.withLock { $0 } }

    /// Opens the replica at `path` on a thread of its own and begins a write transaction there,
    /// held until ``release()`` or for `longest` seconds (keep it below the 30 s busy timeout).
    static func hold(_ path: String, longest: TimeInterval) async throws -> WriteLock {
        let lock = WriteLock()
        let started = Mutex(false)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread {
                do {
                    let replica = try Replica.open(at: path)
                    try replica.write { _ in
                        started.withLock { $0 = true }
                        continuation.resume()
                        _ = lock.releaseSignal.wait(timeout: .now() + longest)
                        lock.released.withLock { $0 = true }
                    }
                } catch {
                    if !started.withLock({ $0 }) { continuation.resume(throwing: error) }
                }
            }.start()
        }
        return lock
    }

    func release() { releaseSignal.signal() }
}
