import Foundation
import Testing
@testable import SentraCore

/// The hybrid logical clock on hand-picked readings.
@Suite("Hybrid logical clock")
struct HybridClockTests {
    @Test("the documented example: a wall clock going back, then a receive")
    func documentedExample() {
        var clock = HybridClock()
        let a = clock.send(now: 1_000)
        #expect(a == HybridTimestamp(physical: 1_000, logical: 0))
        #expect(clock.send(now: 900) == HybridTimestamp(physical: 1_000, logical: 1))
        #expect(clock.receive(a, now: 950) == HybridTimestamp(physical: 1_000, logical: 2))
        #expect(clock.send(now: 1_001) == HybridTimestamp(physical: 1_001, logical: 0))
    }

    @Test("a timestamp from the future is adopted, one tick on")
    func receiveFromFuture() {
        var clock = HybridClock()
        _ = clock.send(now: 1_000)
        #expect(clock.receive(HybridTimestamp(physical: 5_000, logical: 4), now: 1_001) == HybridTimestamp(physical: 5_000, logical: 5))
        #expect(clock.send(now: 1_002) == HybridTimestamp(physical: 5_000, logical: 6))
    }

    @Test("logical overflow past 0xFFFF moves physical time on")
    func overflow() {
        let full = HybridTimestamp(physical: 2_000, logical: HybridTimestamp.maxLogical)
        var sending = HybridClock(last: full)
        #expect(sending.send(now: 1_500) == HybridTimestamp(physical: 2_001, logical: 0))
        var receiving = HybridClock(last: HybridTimestamp(physical: 1_000, logical: 0))
        #expect(receiving.receive(full, now: 1_500) == HybridTimestamp(physical: 2_001, logical: 0))
        var both = HybridClock(last: full)
        #expect(both.receive(full, now: 0) == HybridTimestamp(physical: 2_001, logical: 0))
    }

    @Test("timestamps from beyond the physical limit are refused; clocks near it stay in range")
    func physicalLimit() async throws {
        let limit = HybridTimestamp.physicalLimit
        let top = HybridTimestamp.greatest
        #expect(top == HybridTimestamp(physical: limit - 1, logical: HybridTimestamp.maxLogical))
        #expect(try JSONDecoder().decode(HybridTimestamp.self, from: JSONEncoder().encode(top)) == top)
        for raw in [limit << 16, Int64.max] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(HybridTimestamp.self, from: Data("\(raw)".utf8)) }
        }
        // The reported fault: receiving the greatest timestamp carried the overflow to 2^46.
        var near = HybridClock(last: .zero, maxAhead: .max)
        #expect(near.receive(top, now: limit - 1) == top)
        #expect(near.send(now: limit - 1) == top, "the clock stops at the top instead of leaving the range")
        // In a child process, so a trap fails this test instead of the whole run.
        await #expect(processExitsWith: .success) {
            var wild = HybridClock()
            precondition(wild.send(now: .max) < wild.send(now: .max) && wild.send(now: -5).physical < HybridTimestamp.physicalLimit)
            var saturated = HybridClock(last: HybridTimestamp(rawValue: Int64.max))
            precondition(saturated.last == .greatest && saturated.send(now: .max) == .greatest)
        }
    }

    @Test("a timestamp more than maxAhead ahead of the wall clock is not followed; one within is")
    func farAheadIsNotFollowed() {
        let now: Int64 = 1_764_000_000_000
        let bound = HybridClock.defaultMaxAhead
        var clock = HybridClock(last: HybridTimestamp(physical: now - 10, logical: 0))
        let far = HybridTimestamp(physical: now + bound + 1, logical: 7)
        #expect(clock.isTooFarAhead(far, now: now))
        #expect(clock.receive(far, now: now) == HybridTimestamp(physical: now, logical: 0))
        #expect(clock.receive(.greatest, now: now) == HybridTimestamp(physical: now, logical: 1))
        let edge = HybridTimestamp(physical: now + bound, logical: 7)
        #expect(!clock.isTooFarAhead(edge, now: now))
        #expect(clock.receive(edge, now: now) == HybridTimestamp(physical: now + bound, logical: 8))
        var strict = HybridClock(last: .zero, maxAhead: 0)
        #expect(strict.receive(HybridTimestamp(physical: now + 1, logical: 0), now: now) == HybridTimestamp(physical: now, logical: 0))
    }

    @Test("packing and JSON: physical in the high 48 bits, negative values refused")
    func packing() throws {
        let t = HybridTimestamp(physical: 1_732_850_000_000, logical: 3)
        #expect(t.rawValue == 1_732_850_000_000 << 16 | 3)
        #expect(t.description == "1732850000000.3")
        #expect(try JSONDecoder().decode(HybridTimestamp.self, from: JSONEncoder().encode(t)) == t)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HybridTimestamp.self, from: Data("-1".utf8)) }
        #expect(HybridTimestamp.zero < HybridTimestamp(physical: 0, logical: 1))
    }
}
