import PostgresNIO
import SentraCore

/// One transaction's appends to a survey's log: a push's changes, or one of the node's own writes.
///
/// ``begin(_:on:maxClockAhead:logger:)`` takes the survey's log lock as the transaction's first
/// statement and only then reads the log's position, the version vector and the clock, so that
/// positions follow commit order (decision 0019). Changes are appended in memory, merged into their
/// records, and ``finish(on:logger:)`` writes the log, the records, the position, the version
/// vector and the clock, a statement each.
struct LogAppend {
    let survey: String
    /// The position of the last change appended, or of the log's end before the first.
    private(set) var position: Int64
    /// What the node holds, the changes appended so far included.
    private(set) var versionVector: VersionVector
    var clock: HybridClock
    /// The records the changes touch, with the survey's forms.
    var records: RecordBatch
    private var appended: [(position: Int64, change: Change)] = []

    /// Takes `survey`'s log lock for the transaction on `connection` and reads where the log stands.
    static func begin(_ survey: String, on connection: PostgresConnection, maxClockAhead: Int64, logger: Logger) async throws -> LogAppend {
        try await lock(survey, on: connection, logger: logger)
        let (_, position) = try await PostgresStore.survey(survey, on: connection, logger: logger)
        return LogAppend(
            survey: survey, position: position,
            versionVector: try await PostgresStore.versionVector(survey, on: connection, logger: logger),
            clock: HybridClock(last: HybridTimestamp(rawValue: try await PostgresStore.clock(on: connection, logger: logger)), maxAhead: maxClockAhead),
            records: RecordBatch(survey: survey, forms: try await PostgresStore.definitions(survey, on: connection, logger: logger)))
    }

    /// Takes `survey`'s log lock (`pg_advisory_xact_lock`) until the transaction ends.
    static func lock(_ survey: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(key(survey)))", logger: logger)
    }

    /// The advisory lock key of a survey's log: a 64-bit FNV-1a hash of its name.
    static func key(_ survey: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "sentra-log:\(survey)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// Appends `change` at the next position and merges it into its record. The caller has checked
    /// that causal delivery allows it and that the node does not hold it.
    mutating func append(_ change: Change, on connection: PostgresConnection, logger: Logger) async throws {
        position += 1
        appended.append((position, change))
        versionVector.include(change.dot)
        try await records.apply(change, on: connection, logger: logger)
    }

    /// Writes what was appended, and returns how many conflicts it made.
    func finish(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        guard !appended.isEmpty else { return 0 }
        try await PostgresStore.appendToLog(appended, survey: survey, on: connection, logger: logger)
        let made = try await records.save(on: connection, logger: logger)
        try await connection.query("UPDATE survey SET log_position = \(position) WHERE name = \(survey)", logger: logger)
        let origins = Set(appended.map(\.change.dot.origin)).sorted()
        try await connection.query("""
            INSERT INTO version_vector (survey, origin, counter)
            SELECT \(survey), * FROM unnest(\(origins.map(\.rawValue))::text[], \(origins.map { Int64(versionVector[$0]) })::bigint[])
            ON CONFLICT (survey, origin) DO UPDATE SET counter = EXCLUDED.counter
            """, logger: logger)
        try await connection.query("UPDATE sentra_node SET hlc = GREATEST(hlc, \(clock.last.rawValue))", logger: logger)
        return made
    }
}
