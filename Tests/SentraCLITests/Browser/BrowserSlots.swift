import Foundation

/// A process-wide limit on how many Chromiums run at once.
///
/// swift-testing runs suites in parallel; several Chromiums on a 2-core machine starve each other
/// into timeouts. ``Browser/launch(width:height:chromium:chromedriver:)`` takes a slot before it
/// starts anything and ``Browser/quit()`` gives it back.
actor BrowserSlots {
    /// The slots every browser in this test process shares. `SENTRA_BROWSERS` sets the limit (default 1).
    static let shared = BrowserSlots(limit: Int(ProcessInfo.processInfo.environment["SENTRA_BROWSERS"] ?? "") ?? 1)

    private let limit: Int
    private var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a free slot and takes it.
    func acquire() async {
        if inUse < limit {
            inUse += 1
            return
        }
        // The releasing browser hands its slot straight to the first waiter, so `inUse` stays put.
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back, to the first waiter if there is one.
    func release() {
        if waiting.isEmpty {
            inUse = max(0, inUse - 1)
        } else {
            waiting.removeFirst().resume()
        }
    }
}
