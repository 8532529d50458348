import Foundation
import SentraCore
import Testing

/// How many cases each property runs, and which seeds.
///
/// - `SENTRA_PROPERTY_CASES=N` runs N cases per property (default 1,000).
/// - `SENTRA_PROPERTY_SEED=S` runs only the case with seed S: paste the seed a failure printed.
/// - `SENTRA_PROPERTY_BASE=B` starts the seed sequence elsewhere, to explore new cases.
enum PropertyConfig {
    static let defaultCases = 1_000

    static var cases: Int {
        ProcessInfo.processInfo.environment["SENTRA_PROPERTY_CASES"].flatMap { Int($0) }.map { max(1, $0) } ?? defaultCases
    }

    static var replaySeed: UInt64? {
        ProcessInfo.processInfo.environment["SENTRA_PROPERTY_SEED"].flatMap { UInt64($0) }
    }

    static var base: UInt64 {
        ProcessInfo.processInfo.environment["SENTRA_PROPERTY_BASE"].flatMap { UInt64($0) } ?? 0x5E47_2A00
    }

    /// The seeds to run for the property `name`: a fixed sequence, different per property.
    static func seeds(for name: String) -> [UInt64] {
        if let replaySeed { return [replaySeed] }
        var generator = SeededGenerator(seed: base ^ stableHash(name))
        return (0..<cases).map { _ in generator.next() }
    }

    /// FNV-1a, stable across runs and platforms (unlike `Hasher`).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}

/// Runs `body` once per seed and stops at the first failing case, naming its seed.
///
/// Inside `body`, check with `try #require(…, "seed \(seed)")`: a failed requirement (or any
/// thrown error) is recorded with the seed, ends the property, and adds a reproduction hint.
/// Returns the number of cases run, so callers can assert the minimum.
@discardableResult
func forAllSeeds(
    _ name: String,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (_ seed: UInt64, _ random: inout SeededGenerator) throws -> Void
) -> Int {
    var run = 0
    for seed in PropertyConfig.seeds(for: name) {
        var random = SeededGenerator(seed: seed)
        run += 1
        do {
            try body(seed, &random)
        } catch {
            let reason = error is ExpectationFailedError ? "a requirement failed (recorded above)" : "\(error)"
            Issue.record("property \(name) failed with seed \(seed): \(reason). Reproduce with SENTRA_PROPERTY_SEED=\(seed)", sourceLocation: sourceLocation)
            break
        }
    }
    return run
}
