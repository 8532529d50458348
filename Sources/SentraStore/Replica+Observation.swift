import Dispatch
import Foundation
import GRDB
import Synchronization

extension Replica {
    /// The records changed by the survey's log after `position`, reading at most `limit` changes.
    ///
    /// With ``observeLog(survey:pollInterval:)`` this keeps a view of the records up to date
    /// without reading them all again: read the records once, remember the log position, and on
    /// each new position read only the records changed since.
    ///
    /// ```swift
    /// var position = try replica.logPosition(survey: "ikm-konveksi")
    /// for await latest in replica.observeLog(survey: "ikm-konveksi") where latest > position {
    ///     let changed = try replica.changedRecords(survey: "ikm-konveksi", after: position, limit: 500)
    ///     for id in changed.records { show(try replica.record(survey: "ikm-konveksi", id: id)) }
    ///     position = changed.position
    /// }
    /// ```
    public func changedRecords(survey: String, after position: Int64, limit: Int) throws -> ChangedRecords {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT seq, record FROM change_log WHERE +survey = ? AND seq > ? ORDER BY seq LIMIT ?"),
                arguments: [survey, position, max(limit, 1)])
            var seen = Set<String>()
            var records: [String] = []
            for row in rows {
                let id: String = row["record"]
                if seen.insert(id).inserted { records.append(id) }
            }
            let last: Int64 = rows.last?["seq"] ?? position
            return ChangedRecords(records: records, position: last, logID: try tables.logId())
        }
    }

    /// The position of the survey's last change, or 0 when its log is empty.
    public func logPosition(survey: String) throws -> Int64 {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return try tables.logPosition()
        }
    }

    /// The survey's log position now and each time it moves: a stream that an app or a page
    /// watches to show new changes as they arrive.
    ///
    /// A change committed through this `Replica` (a local write, a push received by a server, a
    /// sync) is seen as soon as its transaction commits. Another process writing to the same file
    /// (a `sentra` command beside a running server) is seen by a check every `pollInterval`.
    /// Positions only grow, except when the log is replaced by a restore; a slow reader gets the
    /// latest position, not every one in between. The stream ends when its reader stops
    /// iterating; an unknown survey ends it at once.
    public func observeLog(survey: String, pollInterval: Duration = .seconds(1)) -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream<Int64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let last = Mutex<Int64?>(nil)
        let publish: @Sendable (Int64?) -> Void = { position in
            guard let position else { return }
            let moved = last.withLock { last in
                defer { last = position }
                return last != position
            }
            if moved { continuation.yield(position) }
        }
        let watch = LogWatch()
        // Starting waits for the writer and reads the file: it runs on a Dispatch worker, never on
        // the caller's thread, which may be one of Swift's few cooperative threads.
        DispatchQueue.global(qos: .utility).async { [weak self] in
            guard let self, let first = try? self.logPosition(survey: survey) else { return continuation.finish() }
            publish(first)
            let observation = DatabaseRegionObservation(tracking: Table("change_log")).start(in: self.pool) { _ in
                // The poll below still sees every change.
            } onChange: { db in
                publish(try? ReplicaTables(db: db, survey: survey).logPosition())
            }
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            let interval = DispatchTimeInterval.milliseconds(Int(pollInterval.components.seconds * 1000
                + pollInterval.components.attoseconds / 1_000_000_000_000_000))
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [weak self] in publish(try? self?.logPosition(survey: survey)) }
            timer.resume()
            watch.started(observation: observation, timer: timer)
        }
        continuation.onTermination = { _ in watch.stop() }
        return stream
    }
}

/// The parts of one ``Replica/observeLog(survey:pollInterval:)`` stream that must stop with it: the
/// commit observer and the poll, which start on a Dispatch worker, perhaps after the stream ended.
private final class LogWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var observation: AnyDatabaseCancellable?
    private var timer: (any DispatchSourceTimer)?
    private var stopped = false

    func started(observation: AnyDatabaseCancellable, timer: any DispatchSourceTimer) {
        let late = lock.withLock {
            self.observation = observation
            self.timer = timer
            return stopped
        }
        if late { stop() }
    }

    func stop() {
        let (observation, timer) = lock.withLock {
            stopped = true
            defer { self.observation = nil; self.timer = nil }
            return (self.observation, self.timer)
        }
        observation?.cancel()
        timer?.cancel()
    }
}
