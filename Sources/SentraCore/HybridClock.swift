/// A node's hybrid logical clock (HLC), with the send and receive rules of Kulkarni et al.
///
/// The clock never goes backwards, whatever the wall clock does: a reading is always greater
/// than every reading this clock gave or received before. The wall clock is passed in, so tests
/// control time.
///
/// ```swift
/// var clock = HybridClock()
/// let a = clock.send(now: 1_000)           // 1000.0
/// let b = clock.send(now: 900)             // 1000.1: the wall clock went back
/// let c = clock.receive(a, now: 950)       // 1000.2
/// ```
public struct HybridClock: Hashable, Sendable {
    /// The greatest timestamp this clock has given or received.
    public private(set) var last: HybridTimestamp

    public init(last: HybridTimestamp = .zero) { self.last = last }

    /// The timestamp for a local event (a write) at wall-clock time `now`, in milliseconds.
    public mutating func send(now: Int64) -> HybridTimestamp {
        let physical = max(last.physical, Self.clamped(now))
        let logical = physical == last.physical ? last.logical + 1 : 0
        return advance(physical: physical, logical: logical)
    }

    /// Takes in a timestamp from another node, and returns a reading greater than both it and ours.
    @discardableResult
    public mutating func receive(_ remote: HybridTimestamp, now: Int64) -> HybridTimestamp {
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

    /// A wall-clock reading kept below ``HybridTimestamp/physicalLimit``, so a broken clock cannot
    /// overflow the timestamp.
    private static func clamped(_ now: Int64) -> Int64 {
        min(max(now, 0), HybridTimestamp.physicalLimit - 1)
    }

    private mutating func advance(physical: Int64, logical: Int) -> HybridTimestamp {
        last = logical > HybridTimestamp.maxLogical
            ? HybridTimestamp(physical: physical + 1, logical: 0)
            : HybridTimestamp(physical: physical, logical: logical)
        return last
    }
}
