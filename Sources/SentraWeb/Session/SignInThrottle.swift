import Foundation

/// Slows down failed sign-ins: each failure for one name (a user name, or "token" for access
/// codes) doubles the wait before the next answer for that name, from half a second up to eight
/// seconds, until a sign-in under that name succeeds or fifteen quiet minutes pass.
///
/// A guesser gets at most a few hundred tries an hour per name; a clerk who mistypes once waits
/// half a second.
actor SignInThrottle {
    private var failures: [String: (count: Int, last: Date)] = [:]
    private let forgetAfter: TimeInterval = 15 * 60

    /// How long to wait before answering a failed sign-in under `key`, counting this failure.
    func failed(_ key: String, now: Date = Date()) -> Duration {
        var entry = failures[key].flatMap { now.timeIntervalSince($0.last) < forgetAfter ? $0 : nil } ?? (count: 0, last: now)
        entry.count += 1
        entry.last = now
        failures[key] = entry
        if failures.count > 10_000 { failures = failures.filter { now.timeIntervalSince($0.value.last) < forgetAfter } }
        return SignInThrottle.delay(afterFailures: entry.count)
    }

    /// Forgets the failures under `key`: its owner has signed in.
    func succeeded(_ key: String) {
        failures[key] = nil
    }

    /// Half a second after the first failure, doubling, at most eight seconds.
    static func delay(afterFailures count: Int) -> Duration {
        .milliseconds(500 * (1 << min(max(count - 1, 0), 4)))
    }
}
