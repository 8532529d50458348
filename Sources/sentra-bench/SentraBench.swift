import ArgumentParser
import Foundation
import SentraTestSupport

/// `sentra-bench`: Sentra's performance side by side with raw SQLite in the same run
/// (Docs/performance.md).
@main
struct SentraBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentra-bench",
        abstract: "Measure Sentra against raw SQLite on this machine, and its PostgreSQL central node beside the SQLite one (P1–P9 and W1 of Docs/performance.md).",
        subcommands: [Run.self, PullChild.self, RunChild.self],
        defaultSubcommand: Run.self)

    /// The benchmark itself.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the measures, print the table and write JSON.")

        @Flag(help: "A small run that checks every measure works, in seconds; its figures mean little.")
        var quick = false

        @Option(name: .customLong("json"), help: "Write the report as JSON to this file.")
        var jsonFile: String?

        @Option(help: "Run only these measures, such as P1,P4.")
        var only: String?

        @Option(help: "The folder for the run's replicas (default: the system's temporary folder). Removed afterwards.")
        var directory: String?

        @Option(name: .customLong("postgres-bin"), help: ArgumentHelp(
            "The folder of PostgreSQL's initdb, pg_ctl and psql, for the throwaway server of the PostgreSQL rows (default: $SENTRA_PG_BIN, else the newest /usr/lib/postgresql/N/bin).",
            valueName: "dir"))
        var postgresBin: String?

        @Flag(help: "Leave out the PostgreSQL rows (P3pg, P4apg, P4bpg, P7pg, P7pg1, P7pg2), for a machine without PostgreSQL.")
        var noPostgres = false

        @Option(help: ArgumentHelp("The sentra executable that P1c and P9 run as `sentra record import`, and P7pg1 and P7pg2 as `sentra serve --postgres` (default: the one beside sentra-bench).",
                                   valueName: "path"))
        var sentra: String?

        func run() async throws {
            let started = ContinuousClock.now
            let scale = quick ? BenchScale.quick : BenchScale.full
            // A PostgreSQL row's ID selects its measure on both stores: P3pg needs P3 as its baseline.
            // P1 runs P1a, P1b and P1c; P1C alone runs the import (P1c) only.
            let selected = Set((only ?? "P1,P2,P3,P4,P5,P6,P7,P8,P9,W1").uppercased().split(separator: ",")
                .map { $0.contains("PG") ? String($0.prefix(2)) : String($0) })
            let workspace = try BenchWorkspace.create(in: directory)
            defer { workspace.remove() }
            let wantsPostgres = !noPostgres && !selected.isDisjoint(with: ["P3", "P4", "P7"])
            // Checked first, so that a missing sentra fails the run before, not after, minutes of work.
            var sentraRows = selected.isDisjoint(with: ["P1", "P1C"]) ? [] : ["P1c"]
            if selected.contains("P9") { sentraRows.append("P9") }
            if wantsPostgres && selected.contains("P7") { sentraRows += ["P7pg1", "P7pg2"] }
            let sentraPath = sentraRows.isEmpty ? nil : try ServeProcess.findSentra(sentra, for: sentraRows)
            let postgres = wantsPostgres ? try SentraBench.startPostgres(binaries: postgresBin) : nil
            defer { postgres?.stop() }
            let interrupts = BenchInterrupts { postgres?.stop(); workspace.remove() }
            defer { interrupts.cancel() }
            let largest = [scale.batchedWrites, scale.applyRecords, scale.endToEndRecords, scale.loroRecords,
                           scale.devices * scale.recordsPerDevice, scale.importRecords].max()!
            let records = BenchRecords(count: largest, seed: 2024)
            var measurements: [Measurement] = []
            func report(_ rows: [Measurement]) {
                for row in rows {
                    let ratio = row.ratio.map { String(format: ", %.2f×", $0) } ?? ""
                    FileHandle.standardError.write(Data("\(row.id) \(row.name): \(BenchReport.format(row.value)) \(row.unit)\(ratio)\n".utf8))
                }
                measurements += rows
            }
            if selected.contains("P1") { report(try LocalWriteBench(scale: scale, workspace: workspace, records: records).run()) }
            if let sentraPath, !selected.isDisjoint(with: ["P1", "P1C"]) {
                report(try ImportBench(scale: scale, workspace: workspace, records: records, sentra: sentraPath).run())
            }
            if selected.contains("P2") || selected.contains("P8") {
                report(try ApplyBench(scale: scale, workspace: workspace, records: records).run())
            }
            if selected.contains("P3") || selected.contains("P5") || selected.contains("P8") {
                report(try await EndToEndBench(scale: scale, workspace: workspace, records: records,
                                               postgres: selected.contains("P3") ? postgres : nil).run())
            }
            if selected.contains("P4") || selected.contains("P6") {
                report(try await LargeCentralBench(scale: scale, workspace: workspace, postgres: selected.contains("P4") ? postgres : nil).run())
            }
            if selected.contains("P7") {
                report(try await ConcurrentPushBench(scale: scale, workspace: workspace, records: records, postgres: postgres).run())
                if let postgres, let sentraPath {
                    report(try await ServeScalingBench(scale: scale, workspace: workspace, records: records, postgres: postgres,
                                                       sentra: sentraPath).run())
                }
            }
            if selected.contains("P8") {
                let loro = LoroBench(workspace: workspace, records: BenchRecords(slice: records.records.prefix(scale.loroRecords)))
                report(try loro.run(sentraApply: measurements.first { $0.id == "P2a" }, sentraBytes: measurements.first { $0.id == "P5a" }))
            }
            if let sentraPath, selected.contains("P9") {
                report(try await LargeImportBench(scale: scale, workspace: workspace, sentra: sentraPath).run())
            }
            if selected.contains("W1") { report(try await OfficePageBench(scale: scale, workspace: workspace).run()) }
            var machine = BenchReport.Machine.current()
            machine.postgres = postgres?.version()
            let result = BenchReport(date: Date().ISO8601Format(), quick: quick, machine: machine, scale: scale,
                                     measurements: measurements, seconds: (ContinuousClock.now - started).seconds)
            print(result.table)
            print(String(format: "\n%@ run in %.0f s on %@ (%d cores), SQLite %@%@.", quick ? "Quick" : "Full", result.seconds,
                         result.machine.cpu, result.machine.cores, result.machine.sqlite, machine.postgres.map { ", \($0)" } ?? ""))
            if let jsonFile {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(result).write(to: URL(fileURLWithPath: jsonFile))
            }
        }
    }

    /// A durable throwaway PostgreSQL server for the PostgreSQL rows, or an error that says how to
    /// get one or leave those rows out.
    static func startPostgres(binaries: String?) throws -> PostgresServer {
        do {
            return try PostgresServer(binaries: binaries, durable: true)
        } catch {
            throw BenchError("the PostgreSQL rows need a PostgreSQL server: \(error). Install it (apt-get install postgresql), name another with --postgres-bin DIR, or leave those rows out with --no-postgres")
        }
    }
}
