import AsyncHTTPClient
import SentraCore
import SentraServer
import SentraStore
import SentraSync

/// P7: many devices, each with its own replica, push their records to one central node at once;
/// one device alone pushing the same records to another central node is the baseline. Then every
/// device syncs, and all must hold the same changes as the central node.
///
/// Pushing is the push half of a sync, as ``SyncDriver`` sends it: the node's state, then the
/// device's changes in batches of 1,000. A full sync would also pull what the other devices
/// pushed, which one device alone has no counterpart for.
struct ConcurrentPushBench {
    let scale: BenchScale
    let workspace: BenchWorkspace
    let records: BenchRecords

    func run() async throws -> [Measurement] {
        let total = scale.devices * scale.recordsPerDevice
        let all = records.records.prefix(total)
        let values = all.reduce(0) { $0 + $1.fields.count }
        let solo = try workspace.replica("p7-solo")
        try BenchWorkspace.write(all, into: solo)
        let devices = try (0..<scale.devices).map { index in
            let device = try workspace.replica("p7-device-\(index)")
            try BenchWorkspace.write(all.dropFirst(index * scale.recordsPerDevice).prefix(scale.recordsPerDevice), into: device)
            return device
        }
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(120)), decompression: .disabled)
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = scale.devices + 8
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)

        let soloCentral = try workspace.replica("p7-solo-central")
        let central = try workspace.replica("p7-central")
        let soloToken = try workspace.token(on: soloCentral, for: solo)
        let tokens = try devices.map { try workspace.token(on: central, for: $0) }
        var soloSeconds = 0.0, concurrentSeconds = 0.0
        do {
            try await withThrowingTaskGroup(of: Void.self) { servers in
                let soloServer = try await LoopbackServer.start(soloCentral, in: &servers)
                let server = try await LoopbackServer.start(central, in: &servers)
                defer { servers.cancelAll() }
                soloSeconds = try await Stopwatch.seconds {
                    try await Self.push(solo, to: try HTTPTransport(baseURL: soloServer.url, token: soloToken, client: client))
                }
                concurrentSeconds = try await Stopwatch.seconds {
                    try await withThrowingTaskGroup(of: Void.self) { pushes in
                        for (device, token) in zip(devices, tokens) {
                            pushes.addTask { try await Self.push(device, to: try HTTPTransport(baseURL: server.url, token: token, client: client)) }
                        }
                        try await pushes.waitForAll()
                    }
                }
                try await checkConvergence(devices, tokens: tokens, central: central, url: server.url)
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        let soloRate = Double(values) / soloSeconds, rate = Double(values) / concurrentSeconds
        return [
            Measurement("P7", "\(scale.devices) devices pushing at once to one central node", value: rate, unit: "field values/s",
                        baseline: soloRate, baselineName: "one device pushing all \(total) records alone",
                        ratio: rate / soloRate, target: "≥ 0.7×", met: rate / soloRate >= 0.7,
                        note: "\(scale.recordsPerDevice) records each; then all \(scale.devices) synced and converged"),
        ]
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

    /// Syncs every device, eight at a time, and checks that each ends with the central node's changes.
    private func checkConvergence(_ devices: [Replica], tokens: [String], central: Replica, url: String) async throws {
        let expected = try central.versionVector(survey: BenchRecords.survey)
        for group in Array(zip(devices, tokens)).chunks(of: 8) {
            try await withThrowingTaskGroup(of: Void.self) { syncs in
                for (device, token) in group {
                    syncs.addTask {
                        _ = try await BenchWorkspace.sync(device, url: url, token: token)
                        guard try device.versionVector(survey: BenchRecords.survey) == expected else {
                            throw BenchError("P7: \(device.node.name) did not converge with the central node")
                        }
                    }
                }
                try await syncs.waitForAll()
            }
        }
        let records = try central.records(survey: BenchRecords.survey).count
        guard records == devices.count * scale.recordsPerDevice else {
            throw BenchError("P7: the central node holds \(records) records, not \(devices.count * scale.recordsPerDevice)")
        }
    }
}
