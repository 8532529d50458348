import Foundation
public import SentraCore
import GRDB

/// A node's local SQLite replica: survey records, their change log and version vectors.
///
/// Several processes may open one replica at once (the CLI while a server or a daemon runs on
/// it). Every write is one `IMMEDIATE` transaction that reads the counter, the clock and the
/// state it changes inside that transaction; nothing replicated is cached across transactions.
///
/// ```swift
/// let replica = try Replica.create(at: "tablet.db", name: "tablet-ani", survey: "ikm-konveksi")
/// let change = try replica.addRecord(survey: "ikm-konveksi", form: "usaha", values: ["nama_usaha": .string("Konveksi Maju")])
/// ```
public final class Replica: Sendable {
    /// The local node: fixed when the replica is created.
    public let node: NodeInfo
    /// The survey named at creation, used when a command names none.
    public let defaultSurvey: String
    /// The path of the SQLite file.
    public let path: String

    let pool: DatabasePool
    /// The wall clock in milliseconds since 1970, as this replica reads it.
    public let wallClock: @Sendable () -> Int64
    /// How far ahead of the wall clock, in milliseconds, a received change's HLC may be for this
    /// replica's clock to follow it (``HybridClock/maxAhead``). Changes further ahead are applied
    /// all the same, and counted in ``ApplyResult/clockAhead``.
    public let maxClockAhead: Int64

    private init(pool: DatabasePool, path: String, wallClock: @escaping @Sendable () -> Int64, maxClockAhead: Int64) throws {
        self.pool = pool
        self.path = path
        self.wallClock = wallClock
        self.maxClockAhead = maxClockAhead
        let row = try pool.read { db in try Row.fetchOne(db, sql: "SELECT id, name, default_survey FROM node") }
        guard let row, let id = NodeID(rawValue: row["id"]) else {
            throw StoreError(.notAReplica, "\(path) is not a Sentra replica")
        }
        node = NodeInfo(id: id, name: row["name"])
        defaultSurvey = row["default_survey"]
    }

    /// Creates a replica at `path` holding one survey.
    ///
    /// - Parameters:
    ///   - nodeID: the node's ID; a new random one when nil. Tests pass one to replay a seed.
    ///   - maxClockAhead: see ``maxClockAhead``.
    public static func create(
        at path: String, name: String, survey: String, nodeID: NodeID? = nil,
        wallClock: @escaping @Sendable () -> Int64 = Replica.systemMilliseconds,
        maxClockAhead: Int64 = HybridClock.defaultMaxAhead
    ) throws -> Replica {
        guard !name.isEmpty, name.count <= 100 else {
            throw StoreError(.invalidInput, "a node name must be 1 to 100 characters")
        }
        try Replica.checkSurveyName(survey)
        let pool = try openPool(path)
        try pool.write { db in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM node") ?? 0 > 0 {
                throw StoreError(.alreadyExists, "\(path) already holds a replica")
            }
            try db.execute(
                sql: "INSERT INTO node (id, name, default_survey, created_at) VALUES (?, ?, ?, ?)",
                arguments: [(nodeID ?? NodeID.random()).rawValue, name, survey, Date().ISO8601Format()])
            try insertSurvey(survey, db: db)
        }
        return try Replica(pool: pool, path: path, wallClock: wallClock, maxClockAhead: maxClockAhead)
    }

    /// Opens the existing replica at `path`.
    ///
    /// - Parameter maxClockAhead: see ``maxClockAhead``.
    public static func open(
        at path: String, wallClock: @escaping @Sendable () -> Int64 = Replica.systemMilliseconds,
        maxClockAhead: Int64 = HybridClock.defaultMaxAhead
    ) throws -> Replica {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notAReplica, "no replica at \(path)")
        }
        return try Replica(pool: openPool(path), path: path, wallClock: wallClock, maxClockAhead: maxClockAhead)
    }

    /// Adds a survey to this replica. Adding one it holds already does nothing.
    public func addSurvey(_ survey: String) throws {
        try Replica.checkSurveyName(survey)
        try write { db in
            if try Replica.surveyExists(survey, db: db) { return }
            try Replica.insertSurvey(survey, db: db)
        }
    }

    /// The surveys this replica holds, sorted.
    public func surveys() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM survey ORDER BY name") }
    }

    /// The wall clock in milliseconds since 1970.
    public static let systemMilliseconds: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static func openPool(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // DatabasePool sets `synchronous = NORMAL` on its writer once it is in WAL mode, after
            // `prepareDatabase`: a commit then survives a crash of the process but not a power cut.
            // A tablet's battery runs out, so every commit waits for the disk.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try ReplicaSchema.migrator.migrate(pool)
            return pool
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError(.notAReplica, "\(path) is not a Sentra replica (not an SQLite database)", underlying: error)
        } catch let error as DatabaseError {
            throw StoreError(.storage, "cannot open \(path): \(error.message ?? "\(error.resultCode)")", underlying: error)
        }
    }

    package static func checkSurveyName(_ survey: String) throws {
        guard FormDefinition.isValidName(survey) else {
            throw StoreError(.invalidInput, "survey name \"\(survey)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
        }
    }

    static func surveyExists(_ survey: String, db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM survey WHERE name = ?"), arguments: [survey]) ?? false
    }

    private static func insertSurvey(_ survey: String, db: Database) throws {
        try db.execute(sql: "INSERT INTO survey (name, log_id) VALUES (?, ?)", arguments: [survey, UUID().uuidString.lowercased()])
    }

    /// Runs `updates` in one IMMEDIATE transaction, mapping SQLite failures to ``StoreError``.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(updates)
        } catch let error as DatabaseError {
            throw Replica.storageError(error, path: path)
        }
    }

    /// Runs `reads` on a snapshot of the replica, mapping SQLite failures to ``StoreError``.
    func read<T>(_ reads: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(reads)
        } catch let error as DatabaseError {
            throw Replica.storageError(error, path: path)
        }
    }

    private static func storageError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_FULL: StoreError(.diskFull, "the disk holding \(path) is full; nothing was written", underlying: error)
        case .SQLITE_BUSY: StoreError(.busy, "\(path) is busy: another process held it too long; nothing was written", underlying: error)
        default: StoreError(.storage, "storage error on \(path): \(error.message ?? "\(error.resultCode)")", underlying: error)
        }
    }
}
