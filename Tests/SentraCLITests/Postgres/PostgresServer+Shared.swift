import Foundation
import Glibc
import Synchronization

extension PostgresServer {
    /// The server started by the first test that asks, or the error that starting it gave.
    private static let sharedServer = Mutex<Result<PostgresServer, SentraProcess.Failure>?>(nil)

    /// The test process's one PostgreSQL server, started on first use and stopped when the
    /// process exits. Tests take databases of their own on it (``createUniqueDatabase()``) and
    /// never stop it. When it cannot start (no PostgreSQL installed), every caller fails with why.
    static func shared() throws -> PostgresServer {
        try sharedServer.withLock { state in
            if state == nil {
                do {
                    state = .success(try PostgresServer())
                    atexit { PostgresServer.stopShared() }
                } catch {
                    state = .failure(SentraProcess.Failure(message: "cannot start the tests' PostgreSQL server: \(error)"))
                }
            }
            return try state!.get()
        }
    }

    /// Stops the shared server, if one started.
    private static func stopShared() {
        if case .success(let server) = sharedServer.withLock({ $0 }) { server.stop() }
    }
}
