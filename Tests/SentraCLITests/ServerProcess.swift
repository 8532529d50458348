import Foundation

/// A real `sentra serve` process on an ephemeral loopback port.
final class ServerProcess {
    let process: Process
    let url: String
    private let output: Pipe

    /// Starts `sentra serve --port 0 ARGUMENTS` on `sentra`'s replica and waits for the line that
    /// names its URL (`https://` with `--tls-cert`).
    init(_ sentra: SentraProcess, arguments: [String] = []) throws {
        process = sentra.configured(["serve", "--host", "127.0.0.1", "--port", "0"] + arguments)
        output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var seen = ""
        let handle = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = handle.nextChunk()
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"https?://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                url = String(seen[range])
                // Keep draining the pipe so the server never blocks on a full one.
                handle.readabilityHandler = { $0.availableData.isEmpty ? ($0.readabilityHandler = nil) : () }
                return
            }
        }
        process.terminate()
        throw SentraProcess.Failure(message: "sentra serve did not say where it listens: \(seen)")
    }

    /// kill -9.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

extension SentraProcess {
    /// A new token for this replica's server.
    func token(role: String = "admin", name: String = "test-\(UUID().uuidString.prefix(8))", survey: String? = nil) throws -> String {
        var arguments = ["token", "create", "--name", name, "--role", role, "--json"]
        if let survey { arguments += ["--survey", survey] }
        let json = try JSONSerialization.jsonObject(with: Data(try ok(arguments).utf8)) as? [String: Any]
        guard let token = json?["token"] as? String else { throw Failure(message: "token create printed no token") }
        return token
    }

    /// `sentra sync URL --token T --json`, returning the summary.
    @discardableResult
    func sync(_ url: String, token: String) throws -> [String: Any] {
        let output = try ok(["sync", url, "--token", token, "--json"])
        return (try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]) ?? [:]
    }

    /// The survey's records as a user sees them, with nothing local (node names) in it.
    func convergentView() throws -> String {
        let records = try JSONSerialization.jsonObject(with: Data(try ok(["record", "list", "--deleted", "--json"]).utf8)) as? [[String: Any]] ?? []
        let conflicts = try JSONSerialization.jsonObject(with: Data(try ok(["conflicts", "--json"]).utf8)) as? [[String: Any]] ?? []
        var lines: [String] = []
        for record in records {
            let fields = record["fields"] as? [String: Any] ?? [:]
            lines.append("\(record["id"] ?? "") deleted=\(record["deleted"] ?? "") " + fields.keys.sorted().map { "\($0)=\(Self.canonical(fields[$0]!))" }.joined(separator: " "))
        }
        for conflict in conflicts {
            let values = (conflict["values"] as? [[String: Any]] ?? []).map { "\($0["node"] ?? ""):\($0["counter"] ?? "")=\(Self.canonical($0["value"] ?? ""))" }
            lines.append("conflict \(conflict["record"] ?? "")/\(conflict["field"] ?? "-") \(values.joined(separator: ","))")
        }
        return lines.joined(separator: "\n")
    }

    /// A JSON value as text with sorted keys, so objects compare equal whatever their order.
    static func canonical(_ value: Any) -> String {
        guard value is [String: Any] || value is [Any],
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The number of changes in the survey's log.
    func changeCount() throws -> Int {
        let status = try JSONSerialization.jsonObject(with: Data(try ok(["status", "--json"]).utf8)) as? [String: Any]
        return ((status?["surveys"] as? [[String: Any]])?.first?["changes"] as? Int) ?? -1
    }
}
