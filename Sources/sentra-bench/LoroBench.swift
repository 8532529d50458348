import Foundation

/// P8: the same records written into Loro (PyPI `loro`, in memory), exported as updates and
/// imported into a fresh document, by `loro_bench.py`; beside Sentra's P2 and P5. Skipped, with
/// the reason, where Python or the package is missing.
struct LoroBench {
    let workspace: BenchWorkspace
    let records: BenchRecords

    /// What `loro_bench.py` prints (its keys in snake case).
    struct Report: Codable {
        var available: Bool
        var reason: String?
        var loroVersion: String?
        var fieldValues: Int?
        var importFieldChangesPerSecond: Double?
        var updateGzipBytes: Int?
        var plainJsonGzipBytes: Int?
        var converged: Bool?
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("loro_bench.py").path

    func run(sentraApply: Measurement?, sentraBytes: Measurement?) throws -> [Measurement] {
        guard FileManager.default.fileExists(atPath: Self.script) else { return [skipped("\(Self.script) is not here")] }
        let input = "\(workspace.directory)/loro-records.ndjson"
        try records.ndjson().write(to: URL(fileURLWithPath: input))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, input]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return [skipped("python3 does not run: \(error)")] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let report = try? Self.decoder.decode(Report.self, from: data) else {
            return [skipped("python3 \(Self.script) failed with status \(process.terminationStatus)")]
        }
        guard report.available, let values = report.fieldValues, let rate = report.importFieldChangesPerSecond,
              let gzip = report.updateGzipBytes, let plain = report.plainJsonGzipBytes else {
            return [skipped(report.reason ?? "loro is not installed")]
        }
        guard report.converged == true else { throw BenchError("P8: the Loro document did not converge") }
        let version = "loro \(report.loroVersion ?? "?")"
        return [
            Measurement("P8a", "Loro: import the exported updates (in memory)", value: rate, unit: "field changes/s",
                        baseline: sentraApply?.value, baselineName: "Sentra P2a (durable SQLite)",
                        ratio: sentraApply.map { $0.value / rate }, note: "\(version), \(records.records.count) records; ratio is Sentra / Loro"),
            Measurement("P8b", "Loro: gzip of the updates, per field value", value: Double(gzip) / Double(values), unit: "bytes/value",
                        baseline: Double(plain) / Double(values), baselineName: "gzip of plain JSON",
                        ratio: Double(gzip) / Double(plain),
                        note: sentraBytes.map { String(format: "Sentra P5a: %.2f bytes/value, %.2fx plain JSON", $0.value, $0.ratio ?? 0) }),
        ]
    }

    private func skipped(_ reason: String) -> Measurement {
        Measurement("P8", "Loro comparison skipped", value: 0, unit: "", note: reason)
    }
}
