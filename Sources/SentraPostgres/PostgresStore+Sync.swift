import Foundation
import PostgresNIO
public import SentraCore
import SentraServer
import SentraStore

/// `GET /state`, `POST /push` and `POST /pull` on PostgreSQL: the same answers as the SQLite node.
///
/// **Why a cursor never skips a change.** A push takes its survey's advisory lock
/// (`pg_advisory_xact_lock`) as its transaction's first statement and holds it until it commits or
/// rolls back. Only while holding it does it read the survey's `log_position` and give its changes
/// the next positions. The transactions run at READ COMMITTED, where every statement sees what was
/// committed before the statement began, so the position read after the lock is the last holder's
/// committed one. Positions are therefore given in commit order: when a pull sees position n
/// committed, every position below n committed before it. A sequence taken before the lock could
/// commit after a greater one, and a cursor already past it would skip it forever (decision 0019,
/// PostgresCursorTests).
extension PostgresStore {
    public func surveys() async throws -> [String] {
        var names: [String] = []
        for try await name in try await client.query("SELECT name FROM survey ORDER BY name", logger: logger).decode(String.self) {
            names.append(name)
        }
        return names
    }

    public func state(survey: String) async throws -> NodeState {
        try await client.withConnection { connection in
            let (logId, position) = try await Self.survey(survey, on: connection, logger: logger)
            return NodeState(node: node, survey: survey, logId: logId, logPosition: position,
                             versionVector: try await Self.versionVector(survey, on: connection, logger: logger),
                             serverTime: Self.now(),
                             forms: try await Self.formVersions(survey, on: connection, logger: logger))
        }
    }

    /// Applies a batch as ``SentraStore/Replica/respond(to:survey:)`` does: causally, idempotently,
    /// all or nothing, in one transaction holding the survey's log lock.
    public func push(_ request: PushRequest, survey: String) async throws -> PushResponse {
        let logger = logger
        let node = node
        let maxClockAhead = maxClockAhead
        return try await Self.transaction(client, logger: logger) { connection in
            var log = try await LogAppend.begin(survey, on: connection, maxClockAhead: maxClockAhead, logger: logger)
            var skipped = 0, clockAhead = 0
            try await log.records.preload(Set(request.changes.map(\.record)), on: connection, logger: logger)
            for change in request.changes {
                if log.versionVector.covers(change.dot) {
                    let held = try await Self.loggedBody(survey, change.dot, on: connection, logger: logger)
                    if let held, held != change.canonicalJSON {
                        throw StoreError(.conflictingDot, "change \(change.dot) differs from the change this node holds under that dot; the batch was refused, nothing was applied")
                    }
                    skipped += 1
                    continue
                }
                try Replica.checkDeliverable(change, versionVector: log.versionVector, node: node.id)
                try await log.append(change, on: connection, logger: logger)
                let now = Self.now()
                if log.clock.isTooFarAhead(change.hlc, now: now) { clockAhead += 1 }
                _ = log.clock.receive(change.hlc, now: now)
            }
            let newConflicts = try await log.finish(on: connection, logger: logger)
            try await Self.learn(request.nodes + [request.sender], except: node.id, on: connection, logger: logger)
            try await Self.recordPeer(request.sender.id, holds: request.versionVector, survey: survey, on: connection, logger: logger)
            return PushResponse(applied: request.changes.count - skipped, skipped: skipped, newConflicts: newConflicts,
                                versionVector: log.versionVector, clockAhead: clockAhead > 0 ? clockAhead : nil)
        }
    }

    /// The changes after the client's cursor that it lacks, copied from the log as stored.
    public func pull(_ request: PullRequest, survey: String, limit: Int) async throws -> [UInt8] {
        let logger = logger
        let node = node
        return try await client.withConnection { connection in
            let (logId, position) = try await Self.survey(survey, on: connection, logger: logger)
            // A cursor of another log, or past the end of this one, cannot be trusted: read from the start.
            let after = request.logId == logId && request.after <= position ? max(0, request.after) : 0
            let wanted = max(1, min(request.limit, limit))
            var bodies: [String] = []
            var next = after
            var exhausted = false
            while bodies.count < wanted && !exhausted {
                let page = wanted * 2
                var read = 0
                let rows = try await connection.query("""
                    SELECT seq, origin, counter, body FROM change_log WHERE survey = \(survey) AND seq > \(next) ORDER BY seq LIMIT \(page)
                    """, logger: logger)
                for try await (seq, origin, counter, body) in rows.decode((Int64, String, Int64, String).self) {
                    read += 1
                    guard bodies.count < wanted else { continue }
                    next = seq
                    if let origin = NodeID(rawValue: origin), request.versionVector[origin] >= Int(counter) { continue }
                    bodies.append(body)
                }
                exhausted = read < page
            }
            var more = false
            for try await _ in try await connection.query("SELECT 1 FROM change_log WHERE survey = \(survey) AND seq > \(next) LIMIT 1", logger: logger).decode(Int.self) {
                more = true
            }
            try await Self.learn([request.receiver], except: node.id, on: connection, logger: logger)
            try await Self.recordPeer(request.receiver.id, holds: request.versionVector, survey: survey, on: connection, logger: logger)
            let nodes = try await Self.knownNodes(self: node, on: connection, logger: logger)
            var writer = CanonicalJSONWriter(capacity: bodies.reduce(1_024) { $0 + $1.utf8.count + 1 })
            PullResponse.write(to: &writer, changes: bodies, logId: logId, next: next, more: more, nodes: nodes)
            return writer.bytes
        }
    }

    // MARK: Pieces

    static func survey(_ name: String, on connection: PostgresConnection, logger: Logger) async throws -> (logId: String, position: Int64) {
        for try await (logId, position) in try await connection.query("SELECT log_id, log_position FROM survey WHERE name = \(name)", logger: logger)
            .decode((String, Int64).self) {
            return (logId, position)
        }
        throw StoreError.unknownSurvey(name)
    }

    static func versionVector(_ survey: String, on connection: PostgresConnection, logger: Logger) async throws -> VersionVector {
        var counters: [NodeID: Int] = [:]
        for try await (origin, counter) in try await connection.query("SELECT origin, counter FROM version_vector WHERE survey = \(survey)", logger: logger)
            .decode((String, Int64).self) {
            if let id = NodeID(rawValue: origin) { counters[id] = Int(counter) }
        }
        return VersionVector(counters)
    }

    static func clock(on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        for try await hlc in try await connection.query("SELECT hlc FROM sentra_node", logger: logger).decode(Int64.self) { return hlc }
        return 0
    }

    static func loggedBody(_ survey: String, _ dot: Dot, on connection: PostgresConnection, logger: Logger) async throws -> String? {
        for try await body in try await connection.query("""
            SELECT body FROM change_log WHERE survey = \(survey) AND origin = \(dot.origin.rawValue) AND counter = \(Int64(dot.counter))
            """, logger: logger).decode(String.self) {
            return body
        }
        return nil
    }

    /// Remembers the names of `nodes`, never this node's own, in one statement.
    static func learn(_ nodes: [NodeInfo], except own: NodeID, on connection: PostgresConnection, logger: Logger) async throws {
        var names: [String: String] = [:]
        for info in nodes where info.id != own { names[info.id.rawValue] = info.name }
        guard !names.isEmpty else { return }
        let ids = names.keys.sorted()
        try await connection.query("""
            INSERT INTO node_name (id, name) SELECT * FROM unnest(\(ids)::text[], \(ids.map { names[$0]! })::text[])
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name WHERE node_name.name <> EXCLUDED.name
            """, logger: logger)
    }

    static func recordPeer(_ peer: NodeID, holds held: VersionVector, survey: String, on connection: PostgresConnection, logger: Logger) async throws {
        let json = String(decoding: try JSONEncoder.sentraCanonical.encode(held), as: UTF8.self)
        let now = Date().ISO8601Format()
        try await connection.query("""
            INSERT INTO peer (survey, node, version_vector, heard_at) VALUES (\(survey), \(peer.rawValue), \(json), \(now))
            ON CONFLICT (survey, node) DO UPDATE SET version_vector = EXCLUDED.version_vector, heard_at = EXCLUDED.heard_at
            """, logger: logger)
    }

    static func knownNodes(self node: NodeInfo, on connection: PostgresConnection, logger: Logger) async throws -> [NodeInfo] {
        var nodes = [node]
        for try await (id, name) in try await connection.query("SELECT id, name FROM node_name", logger: logger).decode((String, String).self) {
            if let id = NodeID(rawValue: id), id != node.id { nodes.append(NodeInfo(id: id, name: name)) }
        }
        return nodes.sorted { $0.id < $1.id }
    }
}

extension JSONEncoder {
    /// Sorted keys, no escaped slashes: the JSON text every column stores.
    static var sentraCanonical: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
