import Foundation
import Testing
@testable import SentraCore

/// The lattice laws of version vectors: merge is the join, intersection the meet, and
/// `compare` agrees with `dominates` and `covers`.
@Suite("Version vector properties")
struct VersionVectorProperties {
    static let origins = ["a1", "b2", "c3", "d4"].map { NodeID(rawValue: $0)! }

    /// A vector over four origins with small counters, so equal and comparable pairs are common.
    static func vector(_ random: inout SeededGenerator) -> VersionVector {
        var counters: [NodeID: Int] = [:]
        for origin in origins where random.chance(0.7) { counters[origin] = Int.random(in: 0...3, using: &random) }
        return VersionVector(counters)
    }

    /// A vector that dominates `base`: each entry raised by 0…2.
    static func raised(_ base: VersionVector, _ random: inout SeededGenerator) -> VersionVector {
        VersionVector(Dictionary(uniqueKeysWithValues: origins.map { ($0, base[$0] + Int.random(in: 0...2, using: &random)) }))
    }

    /// A vector dominated by `base`: each entry lowered by 0…2, not below zero.
    static func lowered(_ base: VersionVector, _ random: inout SeededGenerator) -> VersionVector {
        VersionVector(Dictionary(uniqueKeysWithValues: origins.map { ($0, max(0, base[$0] - Int.random(in: 0...2, using: &random))) }))
    }

    /// Every dot with counter 1…5 over the four origins.
    static let allDots = origins.flatMap { origin in (1...5).map { Dot(origin: origin, counter: $0) } }

    @Test("merge is commutative, associative and idempotent")
    func mergeLaws() {
        forAllSeeds("vv.merge-laws") { seed, random in
            let (u, v, w) = (Self.vector(&random), Self.vector(&random), Self.vector(&random))
            try #require(u.merging(v) == v.merging(u), "seed \(seed): \(u) \(v)")
            try #require(u.merging(v).merging(w) == u.merging(v.merging(w)), "seed \(seed): \(u) \(v) \(w)")
            try #require(u.merging(u) == u, "seed \(seed): \(u)")
            var inPlace = u
            inPlace.merge(v)
            try #require(inPlace == u.merging(v), "seed \(seed)")
        }
    }

    @Test("merge is the least upper bound; intersection the greatest lower bound")
    func bounds() {
        forAllSeeds("vv.bounds") { seed, random in
            let (u, v) = (Self.vector(&random), Self.vector(&random))
            let join = u.merging(v)
            let meet = u.intersection(v)
            try #require(join.dominates(u) && join.dominates(v), "seed \(seed): \(join) does not dominate \(u), \(v)")
            try #require(u.dominates(meet) && v.dominates(meet), "seed \(seed): \(meet) not below \(u), \(v)")
            let upper = random.chance(0.5) ? Self.raised(join, &random) : Self.vector(&random)
            if upper.dominates(u) && upper.dominates(v) {
                try #require(upper.dominates(join), "seed \(seed): \(upper) above \(u), \(v) but not \(join)")
            }
            let lower = random.chance(0.5) ? Self.lowered(meet, &random) : Self.vector(&random)
            if u.dominates(lower) && v.dominates(lower) {
                try #require(meet.dominates(lower), "seed \(seed): \(lower) below \(u), \(v) but not \(meet)")
            }
            try #require(u.intersection(v) == v.intersection(u), "seed \(seed)")
            try #require(u.intersection(u.merging(v)) == u && u.merging(u.intersection(v)) == u, "seed \(seed): absorption")
            for dot in Self.allDots {
                try #require(join.covers(dot) == (u.covers(dot) || v.covers(dot)), "seed \(seed): \(dot) in join")
                try #require(meet.covers(dot) == (u.covers(dot) && v.covers(dot)), "seed \(seed): \(dot) in meet")
            }
        }
    }

    @Test("compare agrees with dominates and with the dots covered")
    func compareIsConsistent() {
        forAllSeeds("vv.compare") { seed, random in
            let u = Self.vector(&random)
            let v = random.chance(0.3) ? Self.raised(u, &random) : Self.vector(&random)
            let expected: CausalOrder = switch (u.dominates(v), v.dominates(u)) {
            case (true, true): .equal
            case (true, false): .after
            case (false, true): .before
            case (false, false): .concurrent
            }
            try #require(u.compare(v) == expected, "seed \(seed): \(u) vs \(v)")
            let mirrored: [CausalOrder: CausalOrder] = [.equal: .equal, .after: .before, .before: .after, .concurrent: .concurrent]
            try #require(v.compare(u) == mirrored[expected], "seed \(seed): not antisymmetric")
            try #require((u.compare(v) == .equal) == (u == v), "seed \(seed): equal but not ==")
            let coversAll = Self.allDots.allSatisfy { !v.covers($0) || u.covers($0) }
            try #require(u.dominates(v) == coversAll, "seed \(seed): dominates disagrees with covers")
            try #require(u.total == u.counters.values.reduce(0, +) && u.origins == u.counters.keys.sorted(), "seed \(seed)")
        }
    }

    @Test("JSON round trip, and zero entries are never stored")
    func codingAndZeros() throws {
        forAllSeeds("vv.coding") { seed, random in
            let u = Self.vector(&random)
            let decoded = try JSONDecoder().decode(VersionVector.self, from: JSONEncoder().encode(u))
            try #require(decoded == u, "seed \(seed): \(u) -> \(decoded)")
            var w = u
            let origin = random.pick(Self.origins)
            w[origin] = Int.random(in: 0...2, using: &random)
            w.include(Dot(origin: random.pick(Self.origins), counter: Int.random(in: 0...3, using: &random)))
            for vector in [u, w, u.merging(w), u.intersection(w), Self.lowered(u, &random)] {
                try #require(vector.counters.values.allSatisfy { $0 > 0 }, "seed \(seed): zero stored in \(vector)")
            }
        }
        #expect(VersionVector([Self.origins[0]: 0, Self.origins[1]: 2]) == VersionVector([Self.origins[1]: 2]))
        #expect(try JSONDecoder().decode(VersionVector.self, from: Data(#"{"a1":0}"#.utf8)) == VersionVector())
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(VersionVector.self, from: Data(#"{"a1":-1}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(VersionVector.self, from: Data(#"{"bad id":1}"#.utf8)) }
    }
}
