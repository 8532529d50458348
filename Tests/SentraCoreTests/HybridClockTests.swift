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

    @Test("timestamps from beyond the physical limit are refused; clocks near it do not trap")
    func physicalLimit() async throws {
        let limit = HybridTimestamp.physicalLimit
        let top = HybridTimestamp(physical: limit - 1, logical: HybridTimestamp.maxLogical)
        #expect(try JSONDecoder().decode(HybridTimestamp.self, from: JSONEncoder().encode(top)) == top)
        for raw in [limit << 16, Int64.max] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(HybridTimestamp.self, from: Data("\(raw)".utf8)) }
        }
        // In a child process, so a trap fails this test instead of the whole run.
        await #expect(processExitsWith: .success) {
            var clock = HybridClock()
            let received = clock.receive(HybridTimestamp(physical: HybridTimestamp.physicalLimit - 1, logical: HybridTimestamp.maxLogical), now: 0)
            precondition(received == HybridTimestamp(physical: HybridTimestamp.physicalLimit, logical: 0))
            var wild = HybridClock()
            precondition(wild.send(now: .max) < wild.send(now: .max) && wild.send(now: -5).physical < HybridTimestamp.physicalLimit)
        }
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
