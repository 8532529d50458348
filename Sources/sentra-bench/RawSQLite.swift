import CSQLite
import Foundation

/// A SQLite connection through the raw C API, with the durability a replica uses (WAL,
/// `synchronous = FULL`): the baseline the benchmark measures Sentra against.
final class RawSQLite {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            throw BenchError("cannot open \(path): \(String(cString: sqlite3_errmsg(handle)))")
        }
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure(sql) }
    }

    /// The first column of the first row of `sql` as an integer, such as a `COUNT(*)`.
    func integer(_ sql: String) throws -> Int64 {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure(sql) }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { throw failure(sql) }
        return sqlite3_column_int64(statement, 0)
    }

    /// A prepared statement, for binding and stepping many times.
    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure(sql) }
        return Statement(handle: statement, connection: self)
    }

    fileprivate func failure(_ sql: String) -> BenchError {
        BenchError("sqlite: \(String(cString: sqlite3_errmsg(handle))) in \(sql.prefix(60))")
    }

    /// One prepared statement: bind every parameter, then ``run()``.
    final class Statement {
        private let handle: OpaquePointer
        private unowned let connection: RawSQLite
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        fileprivate init(handle: OpaquePointer, connection: RawSQLite) {
            self.handle = handle
            self.connection = connection
        }

        deinit { sqlite3_finalize(handle) }

        func bind(_ index: Int32, _ value: RawValue) {
            switch value {
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .real(let number): sqlite3_bind_double(handle, index, number)
            case .text(let text): sqlite3_bind_text(handle, index, text, -1, Self.transient)
            }
        }

        /// Steps the statement to its end and resets it for the next bindings.
        func run() throws {
            defer { sqlite3_reset(handle) }
            guard sqlite3_step(handle) == SQLITE_DONE else { throw connection.failure("step") }
        }
    }

    /// A value as a plain application binds it: numbers as numbers, lists and points as JSON text.
    enum RawValue {
        case integer(Int64)
        case real(Double)
        case text(String)
    }
}
