import SentraPostgres
import SentraServer
import SentraStore
import SentraTestSupport

/// P4 on PostgreSQL: the central nodes of P4a and P4b, copied into PostgreSQL as
/// `sentra central migrate` copies a node (``PostgresStore/migrate(from:to:logger:)``: the same node
/// ID, log identity, positions and tokens), then served in this process; the same devices run the
/// same no-op syncs against them, one against the small node and one against the large node in
/// turn, so that both medians see the same machine. Filling a million changes through pushes would
/// take far longer than the copy, and gives the same tables.
extension LargeCentralBench {
    /// A central node copied into PostgreSQL, and what the copy took.
    private struct PostgresCopy {
        var central: BenchCentral
        var copySeconds: Double
        var vacuumSeconds: Double
        var megabytes: Double

        func note(_ held: Int) -> String {
            String(format: "copied by migrate in %.1f s (%.0f changes/s), then VACUUM ANALYZE %.1f s; %.0f MB in PostgreSQL",
                   copySeconds, Double(held) / copySeconds, vacuumSeconds, megabytes)
        }
    }

    func postgresRows(small: CentralRun, large: CentralRun, on postgres: PostgresServer) async throws -> [Measurement] {
        let smallCopy = try await copy(small, name: "p4apg", on: postgres)
        defer { smallCopy.central.close() }
        let largeCopy = try await copy(large, name: "p4bpg", on: postgres)
        defer { largeCopy.central.close() }
        var smallTimes: [Double] = [], largeTimes: [Double] = []
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            let smallURL = try await LoopbackServer.start(storage: smallCopy.central.storage, in: &tasks).url
            let largeURL = try await LoopbackServer.start(storage: largeCopy.central.storage, in: &tasks).url
            defer { tasks.cancelAll() }
            for _ in 0..<Self.noOpRuns {
                smallTimes.append(try await Self.noOpSync(small.device, url: smallURL, token: small.token, name: "P4apg"))
                largeTimes.append(try await Self.noOpSync(large.device, url: largeURL, token: large.token, name: "P4bpg"))
            }
        }
        for (run, copy) in [(small, smallCopy), (large, largeCopy)] {
            guard try await copy.central.versionVector() == run.device.versionVector(survey: BenchRecords.survey) else {
                throw BenchError("P4 on PostgreSQL: a device does not hold its central node's changes")
            }
        }
        let (smallMilliseconds, largeMilliseconds) = (Self.median(smallTimes), Self.median(largeTimes))
        let ratio = largeMilliseconds / smallMilliseconds
        return [
            Measurement("P4apg", "no-op sync, PostgreSQL central holding \(small.held) changes", value: smallMilliseconds, unit: "ms",
                        baseline: small.noOpMilliseconds, baselineName: "P4a, SQLite", ratio: smallMilliseconds / small.noOpMilliseconds,
                        note: "median of \(Self.noOpRuns), in turn with P4bpg's; " + smallCopy.note(small.held)),
            Measurement("P4bpg", "no-op sync, PostgreSQL central holding \(large.held) changes", value: largeMilliseconds, unit: "ms",
                        baseline: smallMilliseconds, baselineName: "P4apg", ratio: ratio, target: "ratio ≤ 1.5", met: ratio <= 1.5,
                        note: "median of \(Self.noOpRuns), in turn with P4apg's; " + largeCopy.note(large.held)
                            + String(format: "; P4b (SQLite) %.2f ms", large.noOpMilliseconds)),
        ]
    }

    /// Copies `run`'s central node into a new database and checks the copy.
    private func copy(_ run: CentralRun, name: String, on postgres: PostgresServer) async throws -> PostgresCopy {
        let database = BenchCentral.databaseName(name)
        let url = try PostgresURL(try postgres.createDatabase(database))
        var migration: CentralMigration?
        let copySeconds = try await Stopwatch.seconds {
            migration = try await PostgresStore.migrate(from: run.central, to: url, logger: BenchCentral.quietLogger)
        }
        // What autovacuum would do within a minute of the copy, done before the timing instead of during it.
        let vacuumSeconds = try Stopwatch.seconds { try postgres.psql("VACUUM ANALYZE", database: database) }
        let central = try await BenchCentral.open(database, on: postgres)
        do {
            let copied = migration?.surveys.first { $0.name == BenchRecords.survey }?.changes
            guard copied == run.held, try await central.versionVector() == run.central.versionVector(survey: BenchRecords.survey) else {
                throw BenchError("\(name): the copy holds \(copied ?? 0) changes, not \(run.held), or another version vector")
            }
            let bytes = Double(try postgres.psql("SELECT pg_database_size(current_database())", database: database)) ?? 0
            return PostgresCopy(central: central, copySeconds: copySeconds, vacuumSeconds: vacuumSeconds, megabytes: bytes / 1_000_000)
        } catch {
            central.close()
            throw error
        }
    }
}
