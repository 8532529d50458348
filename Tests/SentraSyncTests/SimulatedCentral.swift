import Foundation
import Logging
import SentraCore
import SentraPostgres
import SentraServer
import SentraStore
import SentraSync
import SentraTestSupport

/// The central node of a ``SyncSimulation``: a SQLite replica that devices reach in memory, or a
/// PostgreSQL node (issue 15) that they reach over loopback HTTP through a real ``NodeServer``,
/// with the same fault plan in front of the HTTP transport.
final class SimulatedCentral: @unchecked Sendable {
    /// The node's store, whichever it is: what the simulation writes through and compares.
    let storage: any CentralStorage
    private let replica: Replica?
    private let url: String?
    private let serving: Task<Void, Never>?
    private var tokens: [NodeID: String] = [:]

    /// A central node on `replica`, reached in memory.
    init(replica: Replica) {
        storage = ReplicaStorage(replica: replica)
        self.replica = replica
        url = nil
        serving = nil
    }

    /// A central node in a new database of the test process's PostgreSQL server, served on a
    /// loopback port until ``stop()``.
    init(postgresNamed name: String, survey: String, nodeID: NodeID) async throws {
        var logger = Logger(label: "sentra.simulation")
        logger.logLevel = .critical
        let url = try PostgresURL(try PostgresServer.shared().newDatabase("sim").url)
        let store = try await PostgresStore.create(url, name: name, survey: survey, nodeID: nodeID, logger: logger)
        let (addresses, found) = AsyncStream<String>.makeStream()
        let serving = Task {
            try? await withThrowingTaskGroup(of: Void.self) { group in
                let server = try await LoopbackServer.start(storage: store, in: &group)
                found.yield(server.url)
                try await group.next()
            }
            found.finish()
        }
        var address: String?
        for await url in addresses {
            address = url
            break
        }
        guard let address else { throw TestSupportFailure("the simulation's PostgreSQL node did not start serving") }
        storage = store
        replica = nil
        self.url = address
        self.serving = serving
    }

    /// Gives `device` a token bound to its node, as an office enrols a tablet: role office for an
    /// office laptop, which may review, else enumerator. Nothing to do in memory.
    func enrol(_ device: Replica, office: Bool, survey: String) async throws {
        guard url != nil else { return }
        let issued = try await storage.issueToken(name: device.node.name, role: office ? .office : .enumerator, survey: survey, node: device.node.id)
        tokens[device.node.id] = issued.token
    }

    /// How `device` reaches this node, with `faults` on the way.
    func transport(for device: Replica, faults: InMemoryTransport.Faults) throws -> any SyncTransport {
        guard let url, let token = tokens[device.node.id] else { return InMemoryTransport(peer: replica!, faults: faults) }
        return FaultyTransport(try HTTPTransport(baseURL: url, token: token), faults: faults)
    }

    /// Stops serving and closes the database's connections.
    func stop() {
        serving?.cancel()
        (storage as? PostgresStore)?.close()
    }
}
