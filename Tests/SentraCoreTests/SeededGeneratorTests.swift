import SentraCore
import Foundation
import Testing

/// The test harness itself: the generator is SplitMix64 exactly, and seeds are reproducible.
@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("matches the SplitMix64 reference outputs for seed 0")
    func referenceOutputs() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("the same seed gives the same sequence; properties get distinct seed sequences")
    func reproducible() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        #expect(PropertyConfig.seeds(for: "x") == PropertyConfig.seeds(for: "x"))
        #expect(PropertyConfig.seeds(for: "x") != PropertyConfig.seeds(for: "y"))
    }

    @Test("each property runs at least 1,000 cases unless overridden")
    func caseCount() {
        let cases = PropertyConfig.seeds(for: "count").count
        if PropertyConfig.replaySeed != nil {
            #expect(cases == 1)
        } else if ProcessInfo.processInfo.environment["SENTRA_PROPERTY_CASES"] == nil {
            #expect(cases >= 1_000)
        }
        var counted = 0
        let run = forAllSeeds("count") { _, _ in counted += 1 }
        #expect(run == cases && counted == cases)
    }
}
