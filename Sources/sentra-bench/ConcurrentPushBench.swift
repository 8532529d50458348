import AsyncHTTPClient
import SentraCore
import SentraServer
import SentraStore
import SentraSync
import SentraTestSupport

/// P7: many devices, each with its own replica, push their records to one central node at once;
/// one device alone pushing the same records to another central node is the baseline. Then every
/// device syncs, and all must hold the same changes as the central node.
///
/// Pushing is the push half of a sync, as ``SyncDriver`` sends it: the node's state, then the
/// device's changes in batches of 1,000. A full sync would also pull what the other devices
/// pushed, which one device alone has no counterpart for.
///
/// P7pg does the same against central nodes kept in PostgreSQL (issue 15), served in this process,
/// and compares its rate with P7's.
struct ConcurrentPushBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords
    /// The server for P7pg; nil leaves P7pg out.
    var postgres: PostgresServer? = nil

    /// What one store did: the rate of the devices at once and of the one device alone.
    struct Rates {
        var concurrent: Double
        var solo: Double
    }

    func run() async throws -> [Measurement] {
        let total = scale.devices * scale.recordsPerDevice
        let sqlite = try await measure(.sqlite, name: "p7")
        var rows = [
            Measurement("P7", "\(scale.devices) devices pushing at once to one central node", value: sqlite.concurrent, unit: "field values/s",
                        baseline: sqlite.solo, baselineName: "one device pushing all \(total) records alone",
                        ratio: sqlite.concurrent / sqlite.solo, target: "≥ 0.7×", met: sqlite.concurrent / sqlite.solo >= 0.7,
                        note: "\(scale.recordsPerDevice) records each; then all \(scale.devices) synced and converged"),
        ]
        if let postgres {
            let rates = try await measure(.postgres(postgres), name: "p7pg")
            rows.append(Measurement(
                "P7pg", "P7 against a central node kept in PostgreSQL", value: rates.concurrent, unit: "field values/s",
                baseline: sqlite.concurrent, baselineName: "P7, the central node in SQLite", ratio: rates.concurrent / sqlite.concurrent,
                note: String(format: "one device alone pushing all %d records: %.0f field values/s, so the %d at once made %.2f× of it (P7's own target ≥ 0.7×); then all synced and converged",
                             total, rates.solo, scale.devices, rates.concurrent / rates.solo)))
        }
        return rows
    }

    /// Runs P7 once on new central nodes in `store`.
    private func measure(_ store: CentralStore, name: String) async throws -> Rates {
        let total = scale.devices * scale.recordsPerDevice
        let values = records.records.prefix(total).reduce(0) { $0 + $1.fields.count }
        let solo = try workspace.replica("\(name)-solo")
        try BenchWorkspace.write(records.records.prefix(total), into: solo)
        let devices = try makeDevices(name)
        let client = Self.client(devices: scale.devices)
        let soloCentral = try await BenchCentral.create(store, name: "\(name)-solo-central", workspace: workspace)
        let central = try await BenchCentral.create(store, name: "\(name)-central", workspace: workspace)
        defer {
            soloCentral.close()
            central.close()
        }
        var soloSeconds = 0.0, concurrentSeconds = 0.0
        do {
            let soloToken = try await soloCentral.token(for: solo)
            var tokens: [String] = []
            for device in devices { tokens.append(try await central.token(for: device)) }
            try await withThrowingTaskGroup(of: Void.self) { servers in
                let soloURL = try await LoopbackServer.start(storage: soloCentral.storage, in: &servers).url
                let url = try await LoopbackServer.start(storage: central.storage, in: &servers).url
                defer { servers.cancelAll() }
                soloSeconds = try await Stopwatch.seconds {
                    try await Self.push(solo, to: try HTTPTransport(baseURL: soloURL, token: soloToken, client: client))
                }
                concurrentSeconds = try await Stopwatch.seconds {
                    try await Self.pushAtOnce(devices, tokens: tokens, urls: [url], client: client)
                }
                try await checkConvergence(devices, tokens: tokens, central: central, urls: [url])
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return Rates(concurrent: Double(values) / concurrentSeconds, solo: Double(values) / soloSeconds)
    }

    /// `scale.devices` new replicas, each holding its own `scale.recordsPerDevice` of the records.
    func makeDevices(_ name: String) throws -> [Replica] {
        let all = records.records.prefix(scale.devices * scale.recordsPerDevice)
        return try (0..<scale.devices).map { index in
            let device = try workspace.replica("\(name)-device-\(index)")
            try BenchWorkspace.write(all.dropFirst(index * scale.recordsPerDevice).prefix(scale.recordsPerDevice), into: device)
            return device
        }
    }

    /// An HTTP client that opens a connection per device instead of queueing them.
    static func client(devices: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(120)), decompression: .disabled)
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = devices + 8
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Every device pushes at once, device `i` to `urls[i % urls.count]`.
    static func pushAtOnce(_ devices: [Replica], tokens: [String], urls: [String], client: HTTPClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { pushes in
            for (index, (device, token)) in zip(devices, tokens).enumerated() {
                let url = urls[index % urls.count]
                pushes.addTask { try await Self.push(device, to: try HTTPTransport(baseURL: url, token: token, client: client)) }
            }
            try await pushes.waitForAll()
        }
    }

    /// The push half of a sync: every change the node lacks, in batches of 1,000.
    static func push(_ replica: Replica, to transport: HTTPTransport) async throws {
        let survey = BenchRecords.survey
        let state = try await transport.state(survey: survey)
        var after: Int64 = 0
        while true {
            let batch = try replica.changes(survey: survey, after: after, excluding: state.versionVector, limit: 1_000)
            if !batch.changes.isEmpty {
                let request = PushRequest(sender: replica.node, versionVector: try replica.versionVector(survey: survey),
                                          nodes: try replica.knownNodes(), changes: batch.changes)
                _ = try await transport.push(request, survey: survey)
            }
            after = batch.next
            if !batch.more { break }
        }
    }

    /// Syncs every device, eight at a time, device `i` with `urls[i % urls.count]`, and checks
    /// that each ends with the central node's changes and that the node holds every record.
    func checkConvergence(_ devices: [Replica], tokens: [String], central: BenchCentral, urls: [String]) async throws {
        let expected = try await central.versionVector()
        let work = Array(zip(devices, tokens).enumerated())
        for group in work.chunks(of: 8) {
            try await withThrowingTaskGroup(of: Void.self) { syncs in
                for (index, (device, token)) in group {
                    syncs.addTask {
                        _ = try await BenchWorkspace.sync(device, url: urls[index % urls.count], token: token)
                        guard try device.versionVector(survey: BenchRecords.survey) == expected else {
                            throw BenchError("P7: \(device.node.name) did not converge with the central node")
                        }
                    }
                }
                try await syncs.waitForAll()
            }
        }
        let records = try await central.recordCount()
        guard records == devices.count * scale.recordsPerDevice else {
            throw BenchError("P7: the central node holds \(records) records, not \(devices.count * scale.recordsPerDevice)")
        }
    }
}
