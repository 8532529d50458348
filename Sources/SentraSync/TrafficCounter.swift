import Foundation

/// Bytes sent and received, counted from any thread.
final class TrafficCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var traffic = Traffic()

    func add(sent: Int = 0, received: Int = 0, sentUncompressed: Int = 0, receivedUncompressed: Int = 0) {
        lock.withLock {
            traffic.sent += sent
            traffic.received += received
            traffic.sentUncompressed += sentUncompressed
            traffic.receivedUncompressed += receivedUncompressed
        }
    }

    var current: Traffic { lock.withLock { traffic } }
}
