/// A node's hybrid logical clock (HLC), with the send and receive rules of Kulkarni et al.
///
/// The clock never goes backwards, whatever the wall clock does: a reading is always greater
/// than every reading this clock gave before, and than every received timestamp it follows. The
/// wall clock is passed in, so tests control time.
///
/// ```swift
/// var clock = HybridClock()
/// let a = clock.send(now: 1_000)           // 1000.0
/// let b = clock.send(now: 900)             // 1000.1: the wall clock went back
/// let c = clock.receive(a, now: 950)       // 1000.2
/// ```
///
/// Two limits keep every reading in range, whatever the clock receives:
/// - A received timestamp more than ``maxAhead`` milliseconds ahead of the wall clock is not
///   followed: one device with a wrong clock cannot drag every node that hears from it years
///   ahead. The change that carries it is still applied; ``receive(_:now:)`` only ticks.
/// - Readings stay below ``HybridTimestamp/physicalLimit``. At the very top of the range, reached
///   only by a wall clock set past the year 4199, the clock stops at the greatest timestamp
///   instead of overflowing.
public struct HybridClock: Hashable, Sendable {
    /// How far ahead of the wall clock a received timestamp may be and still be followed, by
    /// default: one day, in milliseconds. A device in the wrong time zone (up to 14 hours off) is
    /// still followed; one whose date is wrong is not.
    public static let defaultMaxAhead: Int64 = 86_400_000

    /// The greatest timestamp this clock has given or followed.
    public private(set) var last: HybridTimestamp
    /// How far ahead of the wall clock, in milliseconds, a received timestamp may be and still be
    /// followed.
    public let maxAhead: Int64

    /// A clock that last read `last`. A `last` beyond the range, as an older release could store
    /// it, is brought back to the greatest timestamp in range.
    public init(last: HybridTimestamp = .zero, maxAhead: Int64 = HybridClock.defaultMaxAhead) {
        self.last = min(last, .greatest)
        self.maxAhead = max(0, maxAhead)
    }

    /// The timestamp for a local event (a write) at wall-clock time `now`, in milliseconds.
    public mutating func send(now: Int64) -> HybridTimestamp {
        let physical = max(last.physical, Self.clamped(now))
        let logical = physical == last.physical ? last.logical + 1 : 0
        return advance(physical: physical, logical: logical)
    }

    /// Takes in a timestamp from another node, and returns a reading greater than both it and ours,
    /// unless `remote` is more than ``maxAhead`` ahead of `now`: then the reading is only greater
    /// than ours, as for a local event (see ``isTooFarAhead(_:now:)``).
    @discardableResult
    public mutating func receive(_ remote: HybridTimestamp, now: Int64) -> HybridTimestamp {
        guard !isTooFarAhead(remote, now: now) else { return send(now: now) }
        let remote = min(remote, .greatest)
        let physical = max(last.physical, remote.physical, Self.clamped(now))
        let logical: Int
        switch (physical == last.physical, physical == remote.physical) {
        case (true, true): logical = max(last.logical, remote.logical) + 1
        case (true, false): logical = last.logical + 1
        case (false, true): logical = remote.logical + 1
        case (false, false): logical = 0
        }
        return advance(physical: physical, logical: logical)
    }

    /// Whether `remote` is more than ``maxAhead`` ahead of the wall clock `now`, so that
    /// ``receive(_:now:)`` will not follow it.
    public func isTooFarAhead(_ remote: HybridTimestamp, now: Int64) -> Bool {
        remote.physical - Self.clamped(now) > maxAhead
    }

    /// A wall-clock reading kept in range, so a broken clock cannot overflow the timestamp.
    private static func clamped(_ now: Int64) -> Int64 {
        min(max(now, 0), HybridTimestamp.physicalLimit - 1)
    }

    /// Moves the clock to `(physical, logical)`, carrying a logical overflow into the next
    /// millisecond, and stopping at ``HybridTimestamp/greatest``.
    private mutating func advance(physical: Int64, logical: Int) -> HybridTimestamp {
        if logical <= HybridTimestamp.maxLogical {
            last = HybridTimestamp(physical: physical, logical: logical)
        } else if physical + 1 < HybridTimestamp.physicalLimit {
            last = HybridTimestamp(physical: physical + 1, logical: 0)
        } else {
            last = .greatest
        }
        return last
    }
}
