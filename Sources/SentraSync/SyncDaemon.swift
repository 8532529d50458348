import Foundation
public import Logging
import SentraCore
public import SentraStore
public import ServiceLifecycle

/// Syncs whenever a connection allows: at start, soon after every local write (from any process),
/// and every interval; backs off when the peer cannot be reached. A ServiceLifecycle service:
/// on graceful shutdown it abandons the batch in flight (the batch's transaction either committed
/// or did not) and stops.
///
/// It logs one line per change of state, not one per retry, and writes its state into the replica
/// for `sentra status`.
///
/// Its replica calls block on SQLite, so they run on a Dispatch worker (``Replica/blocking(_:)``),
/// never on a cooperative thread.
public struct SyncDaemon: Service {
    public let replica: Replica
    public let url: String
    public let surveys: [String]
    public let interval: Duration
    public let logger: Logger
    private let makeTransport: @Sendable () throws -> any SyncTransport
    private let backoff: Backoff
    /// How long to wait after a local write before syncing, so a burst of writes syncs once.
    private let settle: Duration = .milliseconds(300)

    public init(replica: Replica, url: String, surveys: [String], interval: Duration, backoff: Backoff = Backoff(),
                logger: Logger, makeTransport: @escaping @Sendable () throws -> any SyncTransport) {
        self.replica = replica
        self.url = url
        self.surveys = surveys
        self.interval = interval
        self.backoff = backoff
        self.logger = logger
        self.makeTransport = makeTransport
    }

    public func run() async throws {
        let held = try await replica.blocking { try $0.surveys() }
        for survey in surveys where !held.contains(survey) {
            throw StoreError.unknownSurvey(survey)
        }
        let alarm = Alarm()
        let watcher = WriteWatcher(replicaPath: replica.path) { alarm.ring() }
        logger.info("daemon started", metadata: ["sync.peer": "\(url)", "sync.surveys": "\(surveys.joined(separator: ","))"])
        var status = await cancelWhenGracefulShutdown { await self.loop(alarm: alarm) }
        withExtendedLifetime(watcher) {}
        status.state = .stopped
        status.nextAttempt = nil
        await save(status)
        logger.info("daemon stopped")
    }

    /// Syncs, then waits for the interval, the backoff or a local write, until cancelled.
    private func loop(alarm: Alarm) async -> DaemonStatus {
        var status = DaemonStatus(url: url, state: .idle, pid: getpid())
        var backoff = self.backoff
        var random = SystemRandomNumberGenerator()
        var healthy: Bool?
        while !Task.isCancelled {
            var localWrites = (try? await localCounter()) ?? 0
            status.state = .syncing
            status.lastAttempt = Self.now()
            await save(status)
            let wait: Duration
            do {
                let summaries = try await syncAll()
                backoff.succeeded()
                status.peer = summaries.last?.peer ?? status.peer
                status.state = .idle
                status.lastSuccess = Self.now()
                status.lastError = nil
                status.consecutiveFailures = 0
                if healthy != true { logger.info("in sync with \(url)") }
                healthy = true
                for summary in summaries {
                    for (form, version) in summary.formsUpdated.sorted(by: { $0.key < $1.key }) {
                        logger.info("new form \(form) version \(version) for \(summary.survey)")
                    }
                }
                for summary in summaries where summary.pushed + summary.pulled > 0 {
                    logger.info("synced \(summary.survey): pushed \(summary.pushed), pulled \(summary.pulled), \(summary.newConflicts) new \(summary.newConflicts == 1 ? "conflict" : "conflicts")")
                    if let warning = summary.clockAheadWarning { logger.warning("\(warning)") }
                }
                wait = interval
            } catch {
                if Task.isCancelled { break }
                let message = (error as? SyncError)?.message ?? (error as? StoreError)?.message ?? "\(error)"
                wait = backoff.failed(using: &random)
                status.state = .backoff
                status.lastError = message
                status.consecutiveFailures = backoff.failures
                if healthy != false { logger.warning("sync failed, retrying with backoff (1 s up to 5 min): \(message)") }
                healthy = false
            }
            status.nextAttempt = Self.iso(Date().addingTimeInterval(Self.seconds(wait)))
            await save(status)
            let deadline = ContinuousClock.now + wait
            while !Task.isCancelled, ContinuousClock.now < deadline {
                await alarm.wait(for: deadline - ContinuousClock.now)
                guard healthy == true, let counter = try? await localCounter(), counter != localWrites else { continue }
                localWrites = counter
                try? await Task.sleep(for: settle)
                break
            }
        }
        return status
    }

    private func syncAll() async throws -> [SyncSummary] {
        var summaries: [SyncSummary] = []
        for survey in surveys {
            let driver = SyncDriver(replica: replica, transport: try makeTransport(), logger: logger)
            summaries.append(try await driver.sync(survey: survey, onWarning: { logger.warning("\($0)") }))
        }
        return summaries
    }

    /// The local node's writes so far, over every survey: it grows with each local write.
    private func localCounter() async throws -> Int {
        let surveys = surveys
        return try await replica.blocking { replica in
            try surveys.reduce(0) { $0 + (try replica.versionVector(survey: $1)[replica.node.id]) }
        }
    }

    private func save(_ status: DaemonStatus) async {
        do {
            try await replica.blocking { try $0.saveDaemonStatus(status) }
        } catch {
            logger.error("cannot save the daemon's status: \(error)")
        }
    }

    private static func now() -> String { iso(Date()) }

    private static func iso(_ date: Date) -> String { date.ISO8601Format() }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
