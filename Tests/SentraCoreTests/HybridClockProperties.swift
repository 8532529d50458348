import Testing
@testable import SentraCore

/// Semantics 8: the HLC never goes backwards, whatever the wall clock does.
@Suite("Hybrid logical clock properties")
struct HybridClockProperties {
    /// Each step is a local send or a receive of a remote timestamp, with a wall clock that
    /// drifts, freezes, jumps forward and jumps far back.
    @Test("readings strictly increase and exceed every received timestamp they follow, and the wall clock")
    func monotonic() {
        forAllSeeds("hlc.monotonic") { seed, random in
            let start = Int64.random(in: 0...1_800_000_000_000, using: &random)
            var clock = HybridClock(last: random.chance(0.2)
                ? HybridTimestamp(physical: start, logical: HybridTimestamp.maxLogical - Int.random(in: 0...3, using: &random))
                : .zero)
            var now = start
            var previous = clock.last
            for step in 0..<Int.random(in: 1...120, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: now -= Int64.random(in: 1...86_400_000, using: &random)      // far back (a day)
                case 1: now += Int64.random(in: 1...3_600_000, using: &random)       // forward
                case 2, 3: break                                                     // frozen
                default: now += Int64.random(in: -5...5, using: &random)
                }
                now = max(0, now)
                let reading: HybridTimestamp
                if random.chance(0.4) {
                    let remote = remoteTimestamp(near: now, last: previous, &random)
                    // After the wall clock jumped back more than a day, our own readings are "too far
                    // ahead" of it, and so are remote ones near them: not followed, only ticked past ours.
                    let followed = !clock.isTooFarAhead(remote, now: now)
                    reading = clock.receive(remote, now: now)
                    if followed { try #require(reading > remote, "seed \(seed), step \(step): \(reading) <= received \(remote)") }
                } else {
                    reading = clock.send(now: now)
                }
                try #require(reading > previous, "seed \(seed), step \(step): \(reading) <= previous \(previous)")
                try #require(reading.physical >= now, "seed \(seed), step \(step): \(reading) behind wall clock \(now)")
                try #require(clock.last == reading, "seed \(seed), step \(step)")
                previous = reading
            }
        }
    }

    /// A timestamp another node might send: around our wall clock or our last reading, with
    /// logical counters near the top so the overflow path is taken.
    private func remoteTimestamp(near now: Int64, last: HybridTimestamp, _ random: inout SeededGenerator) -> HybridTimestamp {
        let physical: Int64 = switch Int.random(in: 0..<4, using: &random) {
        case 0: last.physical
        case 1: max(0, now + Int64.random(in: -1_000...1_000, using: &random))
        case 2: max(0, last.physical - Int64.random(in: 0...10, using: &random))
        default: now + Int64.random(in: 0...60_000, using: &random)
        }
        let logical = random.chance(0.3)
            ? HybridTimestamp.maxLogical - Int.random(in: 0...2, using: &random)
            : Int.random(in: 0...20, using: &random)
        return HybridTimestamp(physical: physical, logical: logical)
    }

    @Test("a frozen wall clock: sends count up the logical part, then carry into physical")
    func logicalOverflowCarries() {
        forAllSeeds("hlc.overflow") { seed, random in
            let physical = Int64.random(in: 0...1_800_000_000_000, using: &random)
            let logical = HybridTimestamp.maxLogical - Int.random(in: 0...5, using: &random)
            var clock = HybridClock(last: HybridTimestamp(physical: physical, logical: logical))
            let now = physical - Int64.random(in: 0...1_000, using: &random)
            var previous = clock.last
            for _ in 0...(HybridTimestamp.maxLogical - logical) + 2 {
                let reading = random.chance(0.5)
                    ? clock.send(now: now)
                    : clock.receive(HybridTimestamp(physical: physical, logical: logical), now: now)
                try #require(reading > previous, "seed \(seed): \(reading) <= \(previous)")
                try #require(reading.logical <= HybridTimestamp.maxLogical, "seed \(seed)")
                previous = reading
            }
            try #require(previous.physical == physical + 1, "seed \(seed): overflow did not move physical on: \(previous)")
            try #require(previous.logical <= 2, "seed \(seed): \(previous)")
        }
    }

    @Test("packing: raw order is (physical, logical) order, and the parts round-trip")
    func packing() {
        forAllSeeds("hlc.packing") { seed, random in
            let a = (Int64.random(in: 0..<(1 << 47), using: &random), Int.random(in: 0...HybridTimestamp.maxLogical, using: &random))
            let b = random.chance(0.5) ? (a.0, Int.random(in: 0...HybridTimestamp.maxLogical, using: &random)) : (Int64.random(in: 0..<(1 << 47), using: &random), a.1)
            let ta = HybridTimestamp(physical: a.0, logical: a.1)
            let tb = HybridTimestamp(physical: b.0, logical: b.1)
            try #require(ta.physical == a.0 && ta.logical == a.1, "seed \(seed)")
            try #require((ta < tb) == (a < b) && (ta == tb) == (a == b), "seed \(seed)")
        }
    }

    /// Sends and receives at the edges: wall clocks at zero, at the limit and past it in both
    /// directions, received timestamps at zero and at ``HybridTimestamp/greatest``, bounds from
    /// zero to unbounded.
    @Test("readings stay in range and never go back, for any sends and receives, limits included")
    func staysInRange() {
        forAllSeeds("hlc.range") { seed, random in
            let limit = HybridTimestamp.physicalLimit
            func anyPhysical(_ random: inout SeededGenerator) -> Int64 {
                switch Int.random(in: 0..<6, using: &random) {
                case 0: 0
                case 1: limit - 1
                case 2: limit - Int64.random(in: 1...100_000, using: &random)
                case 3: Int64.random(in: 1_700_000_000_000...1_800_000_000_000, using: &random)
                default: Int64.random(in: 0..<limit, using: &random)
                }
            }
            func anyTimestamp(_ random: inout SeededGenerator) -> HybridTimestamp {
                random.chance(0.2) ? .greatest : HybridTimestamp(
                    physical: anyPhysical(&random),
                    logical: random.chance(0.5) ? HybridTimestamp.maxLogical - Int.random(in: 0...2, using: &random) : Int.random(in: 0...HybridTimestamp.maxLogical, using: &random))
            }
            let maxAhead: Int64 = switch Int.random(in: 0..<4, using: &random) {
            case 0: HybridClock.defaultMaxAhead
            case 1: 0
            case 2: .max
            default: Int64.random(in: 0...limit, using: &random)
            }
            var clock = HybridClock(last: random.chance(0.3) ? anyTimestamp(&random) : .zero, maxAhead: maxAhead)
            var previous = clock.last
            for step in 0..<Int.random(in: 1...200, using: &random) {
                let now: Int64 = switch Int.random(in: 0..<8, using: &random) {
                case 0: .min
                case 1: .max
                case 2: limit
                case 3: -1
                default: anyPhysical(&random)
                }
                let reading: HybridTimestamp
                if random.chance(0.5) {
                    let remote = anyTimestamp(&random)
                    let followed = !clock.isTooFarAhead(remote, now: now)
                    reading = clock.receive(remote, now: now)
                    if followed {
                        try #require(reading > remote || reading == .greatest, "seed \(seed), step \(step): \(reading) <= followed \(remote)")
                    } else {
                        let wall = min(max(now, 0), limit - 1)
                        try #require(reading.physical <= max(previous.physical, wall) + 1, "seed \(seed), step \(step): followed \(remote) to \(reading)")
                    }
                } else {
                    reading = clock.send(now: now)
                }
                try #require(HybridTimestamp.isInRange(reading.rawValue), "seed \(seed), step \(step): \(reading) out of range")
                try #require(reading > previous || reading == .greatest, "seed \(seed), step \(step): \(reading) <= previous \(previous)")
                previous = reading
            }
        }
    }
}
