import Foundation
import CSQLite

/// A whole run: where it ran, at what scale, and every measurement. Printed as a table and
/// written as JSON.
struct BenchReport: Codable {
    var date: String
    var quick: Bool
    var machine: Machine
    var scale: BenchScale
    var measurements: [Measurement]
    var seconds: Double

    /// The machine the run measured.
    struct Machine: Codable {
        var cpu: String
        var cores: Int
        var memoryGiB: Double
        var sqlite: String
        var kernel: String
        /// The PostgreSQL server of the PostgreSQL rows, when they ran.
        var postgres: String? = nil

        static func current() -> Machine {
            let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
                .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
            var name = utsname()
            uname(&name)
            let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return Machine(cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                           memoryGiB: (Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30) * 10).rounded() / 10,
                           sqlite: String(cString: sqlite3_libversion()), kernel: "Linux \(release)")
        }
    }

    /// The report as a Markdown table, as Docs/performance.md shows it.
    var table: String {
        var lines = [
            "| # | measure | Sentra | baseline | ratio | target | met |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in measurements {
            let baseline = row.baseline.map { "\(Self.format($0)) \(row.unit) (\(row.baselineName ?? ""))" } ?? ""
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? ""
            lines.append("| \(row.id) | \(row.name) | \(Self.format(row.value)) \(row.unit) | \(baseline) | \(row.ratio.map { String(format: "%.2f×", $0) } ?? "") | \(row.target ?? "") | \(met) |")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        switch abs(value) {
        case 100_000...: String(format: "%.0fk", value / 1_000)
        case 1_000...: String(format: "%.0f", value)
        case 10...: String(format: "%.1f", value)
        default: String(format: "%.2f", value)
        }
    }
}
