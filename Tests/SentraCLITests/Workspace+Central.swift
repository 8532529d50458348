import Foundation
import SentraTestSupport

/// Central nodes for the process suites that run against both stores (``CentralStore``):
///
/// ```swift
/// @Test(arguments: CentralStore.allCases) func starOfThreeDevicesConverges(_ kind: CentralStore) async throws {
///     try await blocking {
///         let central = try Workspace().central(kind)
///         …
///     }
/// }
/// ```
extension Workspace {
    /// A central node `name` holding `survey`: on SQLite a replica `name.db` made by `sentra init`
    /// (with `--office` when `office`), as ``replica(_:survey:)`` makes one; on PostgreSQL a new
    /// database of the shared test server (``PostgresServer/shared()``), made by
    /// `sentra init --postgres`, which is always an office node. Its commands run with
    /// `--postgres URL` in place of `--db`.
    func central(_ kind: CentralStore, name: String = "kantor", survey: String = "ikm", office: Bool = false) throws -> SentraProcess {
        switch kind {
        case .sqlite:
            let central = SentraProcess(db: path("\(name).db"))
            try central.ok(["init", "--name", name, "--survey", survey] + (office ? ["--office"] : []))
            return central
        case .postgres:
            let central = SentraProcess(db: path("\(name).db"), postgres: try PostgresServer.shared().newDatabase("kantor").url)
            try central.ok(["init", "--name", name, "--survey", survey])
            return central
        }
    }

    /// A central node as ``central(_:name:survey:office:)`` makes one, already holding `count`
    /// records `PREFIX-N` (form `usaha`, fields `nama` and `pekerja`) written by itself.
    ///
    /// `sentra record import` works on a replica file only, so the PostgreSQL node gets them as an
    /// office moving to PostgreSQL would: imported into a SQLite central node, which
    /// `sentra central migrate` copies into the new database, keeping its node ID and log.
    func central(_ kind: CentralStore, name: String = "kantor", survey: String = "ikm", holding count: Int, prefix: String) throws -> SentraProcess {
        let rows = ["id,nama,pekerja"] + (0..<count).map { "\(prefix)-\($0),Usaha \(prefix) \($0),\($0 % 40)" }
        let csv = write("\(prefix).csv", rows.joined(separator: "\n"))
        switch kind {
        case .sqlite:
            let central = try self.central(kind, name: name, survey: survey)
            try central.ok(["record", "import", csv, "--form", "usaha"])
            return central
        case .postgres:
            let seed = SentraProcess(db: path("\(name)-sqlite.db"))
            try seed.ok(["init", "--name", name, "--survey", survey])
            try seed.ok(["record", "import", csv, "--form", "usaha"])
            let url = try PostgresServer.shared().newDatabase("kantor").url
            try seed.ok(["central", "migrate", "--from", seed.db, "--to", url])
            return SentraProcess(db: path("\(name).db"), postgres: url)
        }
    }
}
