import GRDB

/// The record IDs an import's file gives, each with the line it is on, to find an ID given twice
/// with flat memory: in a dictionary for the first `memoryLimit` IDs, then in a TEMP table of the
/// writer's connection, inside the caller's transaction.
///
/// ```swift
/// var ids = ImportIDs(memoryLimit: 1_000)
/// try ids.insert("k1", line: 2, db: db)   // nil
/// try ids.insert("k1", line: 9, db: db)   // 2
/// try ids.drop(db: db)
/// ```
///
/// The table lives in SQLite's temporary database, a file, so a million IDs cost its page cache
/// and not the process's memory. A rollback removes it; call ``drop(db:)`` before a commit.
struct ImportIDs {
    private static let name = "temp.sentra_import_id"

    /// How many IDs are kept in memory before they move to the table.
    let memoryLimit: Int
    private var lines: [String: Int] = [:]
    /// The statements on the table, once the IDs moved to it.
    private var table: (insert: Statement, line: Statement)?

    init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    /// Adds `id`, given on `line`; returns the line it was first given on when it was already
    /// added, and then keeps that line.
    mutating func insert(_ id: String, line: Int, db: Database) throws -> Int? {
        if table == nil {
            if let first = lines[id] { return first }
            guard lines.count >= memoryLimit else {
                lines[id] = line
                return nil
            }
            try moveToTable(db: db)
        }
        guard let table else { return nil }
        try table.insert.execute(arguments: [id, line])
        guard db.changesCount == 0 else { return nil }
        return try Int.fetchOne(table.line, arguments: [id])
    }

    /// Removes the table, if the IDs were moved to it.
    mutating func drop(db: Database) throws {
        // The statements first: SQLite drops no table a statement still reads.
        let moved = table != nil
        table = nil
        lines = [:]
        if moved { try db.execute(sql: "DROP TABLE \(Self.name)") }
    }

    private mutating func moveToTable(db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS \(Self.name)")
        try db.execute(sql: "CREATE TABLE \(Self.name) (id TEXT PRIMARY KEY NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID")
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO \(Self.name) (id, line) VALUES (?, ?)")
        for (id, line) in lines { try insert.execute(arguments: [id, line]) }
        table = (insert, try db.makeStatement(sql: "SELECT line FROM \(Self.name) WHERE id = ?"))
        lines = [:]
    }
}
