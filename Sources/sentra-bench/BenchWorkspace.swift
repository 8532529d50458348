import Foundation
import SentraCore
import SentraServer
import SentraStore
import SentraSync

/// The folder one run keeps its replicas in, and the steps every measure shares: a replica
/// with the long form, a token, a sync over HTTP.
struct BenchWorkspace: Sendable {
    let directory: String

    static func create(in parent: String?) throws -> BenchWorkspace {
        let base = parent ?? FileManager.default.temporaryDirectory.path
        let directory = "\(base)/sentra-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return BenchWorkspace(directory: directory)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// A new replica holding the census survey and its long form.
    func replica(_ name: String) throws -> Replica {
        let replica = try Replica.create(at: "\(directory)/\(name).db", name: name, survey: BenchRecords.survey)
        try replica.importForm(BenchRecords.form, survey: BenchRecords.survey)
        return replica
    }

    /// Deletes the SQLite database at `path` with its WAL and shared-memory files: a measure's
    /// large replica, once it is done with it.
    func removeDatabase(_ path: String) {
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
    }

    /// The bytes the SQLite database at `path` takes on disk, its WAL file included.
    func databaseBytes(_ path: String) -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    /// A token for `replica`'s HTTP API, bound to `device`: one token per device.
    func token(on replica: Replica, for device: Replica) throws -> String {
        let token = AccessToken.generate()
        try replica.insertToken(AccessToken.record(for: token, name: device.node.name, role: .enumerator, survey: BenchRecords.survey,
                                                   node: device.node.id))
        return token
    }

    /// Writes `records` into `replica`, 1,000 to a transaction.
    static func write(_ records: ArraySlice<BenchRecords.Record>, into replica: Replica) throws {
        for batch in records.chunks(of: 1_000) {
            try replica.addRecords(survey: BenchRecords.survey, form: BenchRecords.form.name,
                                   batch.map { (id: $0.id, fields: FieldInput.values($0.fields)) })
        }
    }

    /// One sync of `replica` with the node at `url`, as `sentra sync` runs it, and the bytes it moved.
    static func sync(_ replica: Replica, url: String, token: String) async throws -> (summary: SyncSummary, traffic: Traffic) {
        let transport = try HTTPTransport(baseURL: url, token: token)
        let summary = try await SyncDriver(replica: replica, transport: transport).sync(survey: BenchRecords.survey)
        return (summary, transport.traffic())
    }
}
