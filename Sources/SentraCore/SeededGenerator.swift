/// SplitMix64 (Steele, Lea and Flood): a tiny, fast, deterministic random number generator.
///
/// Everything random that must replay exactly uses it: test cases and simulations named by a
/// seed, and generated census data.
///
/// ```swift
/// var random = SeededGenerator(seed: 42)
/// let workers = Int.random(in: 2...25, using: &random)   // the same on every run
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly random element; `items` must not be empty.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }
}
