import Foundation
import Testing

/// `sentra-bench --quick` runs every measure, so the benchmark cannot rot. No timing is asserted:
/// the figures of a quick debug run mean little.
@Suite struct BenchmarkTests {
    static let executable = SentraProcess.executable.deletingLastPathComponent().appendingPathComponent("sentra-bench")

    @Test func quickRunMeasuresEverythingAndWritesJSON() throws {
        let workspace = Workspace()
        let json = workspace.path("bench.json")
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--quick", "--json", json, "--directory", workspace.url.path]
        let result = try process.runCapturingOutput()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| # | measure | Sentra | baseline | ratio | target | met |"))

        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        #expect(report["quick"] as? Bool == true)
        let rows = try #require(report["measurements"] as? [[String: Any]])
        let ids = Set(rows.compactMap { $0["id"] as? String })
        for id in ["P1a", "P1b", "P1c", "P2a", "P3", "P4a", "P4b", "P5a", "P5b", "P6a", "P6b", "P7", "P9a", "P9b", "P9c", "W1a", "W1b"] {
            #expect(ids.contains(id), "no \(id) in \(ids.sorted())")
        }
        #expect(ids.contains { $0.hasPrefix("P8") })
        for row in rows where (row["id"] as? String)?.hasPrefix("P8") == false {
            #expect((row["value"] as? Double ?? 0) > 0, "\(row)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.hasPrefix("sentra-bench-") }
        #expect(leftovers.isEmpty, "the run left \(leftovers)")
    }

    @Test func unknownOptionIsRefusedWithOneLine() throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--fast"]
        let result = try process.runCapturingOutput()
        #expect(result.status != 0)
        #expect(result.stderr.contains("--fast"))
    }
}
