/// Exponential backoff with full jitter: after the n-th failure in a row, wait a random time
/// between the first delay and `min(maximum, first × 2^(n-1))`.
///
/// Pure: the caller passes the random generator, so tests replay it.
public struct Backoff: Hashable, Sendable {
    public let first: Duration
    public let maximum: Duration
    /// Failures since the last success.
    public private(set) var failures = 0

    public init(first: Duration = .seconds(1), maximum: Duration = .seconds(300)) {
        self.first = first
        self.maximum = maximum
    }

    /// Counts a failure and returns how long to wait before the next try.
    public mutating func failed<G: RandomNumberGenerator>(using generator: inout G) -> Duration {
        failures += 1
        let ceiling = min(maximum, first * (1 << min(failures - 1, 30)))
        let milliseconds = Self.milliseconds(ceiling)
        let low = Self.milliseconds(first)
        return .milliseconds(milliseconds <= low ? low : Int64.random(in: low...milliseconds, using: &generator))
    }

    /// The upper bound of the next wait, for status and tests.
    public var nextCeiling: Duration { min(maximum, first * (1 << min(failures, 30))) }

    /// Forgets the failures after a success.
    public mutating func succeeded() { failures = 0 }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
