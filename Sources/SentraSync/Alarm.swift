import Foundation

/// A wake-up call one task waits for and any thread rings.
///
/// ``wait(for:)`` returns when the alarm rings, when the time is up, or when the task is
/// cancelled. A ring while nobody waits is kept for the next wait.
final class Alarm: @unchecked Sendable {
    private let lock = NSLock()
    private var waiter: CheckedContinuation<Void, Never>?
    private var rang = false

    func ring() {
        let waiter = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { self.waiter = nil }
            if self.waiter == nil { rang = true }
            return self.waiter
        }
        waiter?.resume()
    }

    func wait(for duration: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            group.addTask { await self.waitForRing() }
            await group.next()
            group.cancelAll()
        }
        lock.withLock { rang = false }
    }

    private func waitForRing() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ringNow = lock.withLock { () -> Bool in
                    if rang || Task.isCancelled {
                        rang = false
                        return true
                    }
                    waiter = continuation
                    return false
                }
                if ringNow { continuation.resume() }
            }
        } onCancel: {
            ring()
        }
    }
}
