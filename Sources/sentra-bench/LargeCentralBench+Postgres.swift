import SentraPostgres
import SentraServer
import SentraStore
import SentraTestSupport

/// P4 on PostgreSQL: the central nodes of P4a and P4b, copied into PostgreSQL as
/// `sentra central migrate` copies a node (``PostgresStore/migrate(from:to:logger:)``: the same node
/// ID, log identity, positions and tokens), then served in this process; the same devices run the
/// same no-op syncs against them. Filling a million changes through pushes would take far longer
/// than the copy, and gives the same tables.
extension LargeCentralBench {
    /// What one copy took and what the no-op syncs against it measured.
    private struct PostgresRun {
        var noOpMilliseconds: Double
        var copySeconds: Double
        var vacuumSeconds: Double
        var megabytes: Double
    }

    func postgresRows(small: CentralRun, large: CentralRun, on postgres: PostgresServer) async throws -> [Measurement] {
        let smallRun = try await postgresRun(small, name: "p4apg", on: postgres)
        let largeRun = try await postgresRun(large, name: "p4bpg", on: postgres)
        let ratio = largeRun.noOpMilliseconds / smallRun.noOpMilliseconds
        let copied = { (run: PostgresRun, held: Int) in
            String(format: "copied by migrate in %.1f s (%.0f changes/s), then VACUUM ANALYZE %.1f s; %.0f MB in PostgreSQL",
                   run.copySeconds, Double(held) / run.copySeconds, run.vacuumSeconds, run.megabytes)
        }
        return [
            Measurement("P4apg", "no-op sync, PostgreSQL central holding \(small.held) changes", value: smallRun.noOpMilliseconds, unit: "ms",
                        baseline: small.noOpMilliseconds, baselineName: "P4a, SQLite", ratio: smallRun.noOpMilliseconds / small.noOpMilliseconds,
                        note: "median of \(Self.noOpRuns); " + copied(smallRun, small.held)),
            Measurement("P4bpg", "no-op sync, PostgreSQL central holding \(large.held) changes", value: largeRun.noOpMilliseconds, unit: "ms",
                        baseline: smallRun.noOpMilliseconds, baselineName: "P4apg", ratio: ratio, target: "ratio ≤ 1.5", met: ratio <= 1.5,
                        note: "median of \(Self.noOpRuns); " + copied(largeRun, large.held)
                            + String(format: "; P4b (SQLite) %.2f ms", large.noOpMilliseconds)),
        ]
    }

    /// Copies `run`'s central node into a new database, checks the copy, and times no-op syncs
    /// of `run`'s device against it.
    private func postgresRun(_ run: CentralRun, name: String, on postgres: PostgresServer) async throws -> PostgresRun {
        let database = BenchCentral.databaseName(name)
        let url = try PostgresURL(try postgres.createDatabase(database))
        var migration: CentralMigration?
        let copySeconds = try await Stopwatch.seconds {
            migration = try await PostgresStore.migrate(from: run.central, to: url, logger: BenchCentral.quietLogger)
        }
        // What autovacuum would do within a minute of the copy, done before the timing instead of during it.
        let vacuumSeconds = try Stopwatch.seconds { try postgres.psql("VACUUM ANALYZE", database: database) }
        let central = try await BenchCentral.open(database, on: postgres)
        defer { central.close() }
        let copied = migration?.surveys.first { $0.name == BenchRecords.survey }?.changes
        guard copied == run.held, try await central.versionVector() == run.central.versionVector(survey: BenchRecords.survey) else {
            throw BenchError("\(name): the copy holds \(copied ?? 0) changes, not \(run.held), or another version vector")
        }
        let bytes = Double(try postgres.psql("SELECT pg_database_size(current_database())", database: database)) ?? 0
        let milliseconds = try await withThrowingTaskGroup(of: Void.self) { tasks in
            let server = try await LoopbackServer.start(storage: central.storage, in: &tasks).url
            defer { tasks.cancelAll() }
            return try await Self.noOpMilliseconds(run.device, url: server, token: run.token, name: name)
        }
        guard try await central.versionVector() == run.device.versionVector(survey: BenchRecords.survey) else {
            throw BenchError("\(name): the device does not hold the central node's changes")
        }
        return PostgresRun(noOpMilliseconds: milliseconds, copySeconds: copySeconds, vacuumSeconds: vacuumSeconds,
                           megabytes: bytes / 1_000_000)
    }
}
