import Foundation
import SentraCore
import SentraTestSupport
import Testing

/// `sentra daemon` as real processes against a real `sentra serve`: backoff while the node is down,
/// a prompt sync after a local write, one daemon per replica, a clean SIGTERM, and kill -9 at random
/// moments of a long sync.
@Suite(.serialized) struct DaemonTests {
    /// Lines of the daemon's stderr that speak of a failed attempt or of backing off.
    static let failureWords = #"(?i)(cannot reach|unreachable|refused|back ?off|backing off|fail)"#

    @Test(arguments: CentralStore.allCases) func backsOffQuietlyWhileTheNodeIsDownThenCatchesUp(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let token = try central.token(role: "enumerator", name: "tablet")
            let device = try workspace.replica("tablet")
            for row in 0..<5 { try device.ok(["record", "add", "--form", "usaha", "--id", "t-\(row)", "nama=Usaha \(row)"]) }
            let port = try LoopbackSocket.freePort()
            let url = "http://127.0.0.1:\(port)"
            let daemon = try device.daemon(url, token: token, interval: 600)

            // About 8 seconds of a node that is not there: backoff, failures counted, the next try moving.
            var samples: [[String: Any]] = []
            let started = Date()
            while Date().timeIntervalSince(started) < 8.5 {
                if let status = try device.daemonStatus() { samples.append(status) }
                Thread.sleep(forTimeInterval: 0.25)
            }
            try #require(daemon.isRunning, "the daemon exited: \(daemon.summary)")
            let backoff = samples.filter { $0["state"] as? String == "backoff" }
            try #require(!backoff.isEmpty, "status never showed backoff: \(samples.last ?? [:]) \(daemon.summary)")
            let last = backoff[backoff.count - 1]
            #expect(last["url"] as? String == url)
            #expect(last["pid"] as? Int == Int(daemon.pid))
            #expect(last["lastError"] is String, "lastError: \(last["lastError"] ?? "absent")")
            #expect(last["lastSuccess"] == nil || last["lastSuccess"] is NSNull)
            let failures = backoff.compactMap { $0["consecutiveFailures"] as? Int }
            #expect(failures == failures.sorted(), "consecutiveFailures never goes down in backoff: \(failures)")
            #expect((failures.first ?? 0) >= 1 && (failures.last ?? 0) > (failures.first ?? 0),
                    "consecutiveFailures grows over 8 s of backoff: \(failures); state/failures every 0.25 s: \(Self.trail(samples))")
            let nextAttempts = backoff.compactMap { $0["nextAttempt"] as? String }
            #expect(Set(nextAttempts).count >= 2, "nextAttempt moves: \(Set(nextAttempts).sorted())")
            if let next = Self.date(last["nextAttempt"]), let tried = Self.date(last["lastAttempt"]) {
                #expect(next >= tried && next.timeIntervalSince(tried) <= 301, "the next try is at most 5 minutes after the last: \(tried) → \(next)")
            } else {
                Issue.record("lastAttempt and nextAttempt are ISO 8601 times in backoff: \(last)")
            }
            let failureLines = daemon.stderrLines.filter { $0.range(of: Self.failureWords, options: .regularExpression) != nil }
            #expect(failureLines.count == 1, "one line for the failing state, not one per retry (\(failures.last ?? 0) failures): \(daemon.stderrLines)")

            // Asleep between tries: a few clock ticks at most over 3 seconds of backoff.
            let waiting = eventually(timeout: 15, interval: 0.1) { try device.daemonStatus()?["state"] as? String == "backoff" }
            #expect(waiting, "back in backoff for the CPU reading: \(Self.show { try device.daemonStatus() ?? [:] })")
            let before = try cpuTicks(of: daemon.pid)
            Thread.sleep(forTimeInterval: 3)
            let used = try cpuTicks(of: daemon.pid) - before
            #expect(used <= 5, "the daemon used \(used) ticks of CPU in 3 s of backoff")

            // The node comes up on that port: the daemon's next try gets everything across.
            let server = try central.serve(port: port)
            defer { server.signal(SIGTERM); server.waitForExit(timeout: 10) }
            let upAt = Date()
            let arrived = eventually(timeout: 40, interval: 0.25) { try central.changeCount() == 5 }
            #expect(arrived, "the central node has \(Self.show { try central.changeCount() }) of 5 changes \(Int(Date().timeIntervalSince(upAt))) s after it came up; \(daemon.summary)")
            var caughtUp: [String: Any] = [:]
            let idle = eventually(timeout: 10, interval: 0.2) {
                caughtUp = try device.daemonStatus() ?? [:]
                return caughtUp["state"] as? String == "idle" && caughtUp["lastSuccess"] is String
            }
            #expect(idle, "status after the node came up: \(caughtUp)")
            #expect(caughtUp["consecutiveFailures"] as? Int == 0)
            #expect((caughtUp["peer"] as? [String: Any])?["name"] as? String == "kantor", "\"peer\" is the node's ID and name once reached: \(caughtUp["peer"] ?? "absent")")
            #expect(try device.unacknowledged() == 0)
            #expect(try central.convergentView() == device.convergentView())

            daemon.signal(SIGTERM)
            #expect(daemon.waitForExit(timeout: 5) == 0, "SIGTERM: exit 0 within 5 s; \(daemon.summary)")
            #expect(try device.daemonStatus()?["state"] as? String == "stopped")
        }
    }

    @Test(arguments: CentralStore.allCases) func aLocalWriteIsSyncedWithinSeconds(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let token = try central.token(role: "enumerator")
            let device = try workspace.replica("tablet")
            let daemon = try device.daemon(server.url, token: token, interval: 600, tokenOption: true)
            defer { daemon.signal(SIGTERM); daemon.waitForExit(timeout: 5) }
            let firstSync = eventually(timeout: 20, interval: 0.2) {
                let status = try device.daemonStatus()
                return status?["state"] as? String == "idle" && status?["lastSuccess"] is String
            }
            try #require(firstSync, "the daemon did its first sync: \(Self.show { try device.daemonStatus() ?? [:] }) \(daemon.summary)")

            for round in 0..<3 {
                let id = "prompt-\(round)"
                // Another process writes; the daemon sees it through the file and syncs, not on its 10-minute interval.
                try device.ok(["record", "add", "--form", "usaha", "--id", id, "nama=Usaha \(round)"])
                let written = Date()
                let arrived = eventually(timeout: 5, interval: 0.05) { try central.run(["record", "show", id]).status == 0 }
                #expect(arrived, "record \(id) reached the central node \(String(format: "%.1f", Date().timeIntervalSince(written))) s after it was written, not within 5 s; \(daemon.summary)")
                Thread.sleep(forTimeInterval: 0.5)
            }
            #expect(eventually(timeout: 5) { try device.unacknowledged() == 0 }, "unacknowledged: \(String(describing: try? device.unacknowledged()))")
            #expect(daemon.isRunning)
        }
    }

    @Test(arguments: CentralStore.allCases) func theDaemonBringsTheOfficesNewForms(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let token = try central.token(role: "enumerator")
            let device = try workspace.replica("tablet")
            func form(_ version: Int) -> String {
                workspace.write("usaha-\(version).json", #"{"name": "usaha", "version": \#(version), "fields": [{"name": "nama", "type": "text"}]}"#)
            }
            func heldVersion() throws -> Int? {
                let forms = try JSONSerialization.jsonObject(with: Data(try device.ok(["form", "list", "--json"]).utf8)) as? [[String: Any]]
                return forms?.first?["version"] as? Int
            }
            try central.ok(["form", "publish", form(1)])
            let daemon = try device.daemon(server.url, token: token, interval: 600, tokenOption: true)
            defer { daemon.signal(SIGTERM); daemon.waitForExit(timeout: 5) }
            #expect(eventually(timeout: 20, interval: 0.2) { try heldVersion() == 1 }, "the first sync brought version 1: \(daemon.summary)")
            try central.ok(["form", "publish", form(2)])
            // A local write wakes the daemon; its sync brings version 2.
            try device.ok(["record", "add", "--form", "usaha", "nama=Usaha"])
            #expect(eventually(timeout: 20, interval: 0.2) { try heldVersion() == 2 }, "the next sync brought version 2: \(daemon.summary)")
            #expect(daemon.isRunning)
        }
    }

    @Test(arguments: CentralStore.allCases) func aSecondDaemonOnTheSameReplicaRefuses(_ kind: CentralStore) async throws {
        try await blocking {
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let token = try central.token(role: "enumerator")
            let device = try workspace.replica("tablet")
            let first = try device.daemon(server.url, token: token, interval: 600)
            defer { first.signal(SIGTERM); first.waitForExit(timeout: 5) }
            let running = eventually(timeout: 20, interval: 0.2) { try device.daemonStatus()?["pid"] as? Int == Int(first.pid) }
            try #require(running, "the first daemon shows in status: \(Self.show { try device.daemonStatus() ?? [:] }) \(first.summary)")

            let second = try device.daemon(server.url, token: token, interval: 600)
            let status = second.waitForExit(timeout: 10)
            #expect(status == 1, "the second daemon exits 1: \(status.map(String.init) ?? "still running"); \(second.summary)")
            #expect(second.stderrLines.count == 1 && second.stderr.contains("already running"), "one line saying so: \(second.stderrLines)")
            #expect(first.isRunning, "the first daemon goes on")
            #expect(try device.daemonStatus()?["pid"] as? Int == Int(first.pid), "status still names the first daemon")

            first.signal(SIGINT)
            #expect(first.waitForExit(timeout: 5) == 0, "SIGINT: exit 0 within 5 s; \(first.summary)")
        }
    }

    @Test(arguments: CentralStore.allCases) func sigtermDuringALargeSyncLosesNothing(_ kind: CentralStore) async throws {
        try await blocking {
            let size = 20_000
            let workspace = Workspace()
            let central = try workspace.central(kind)
            let server = try ServerProcess(central)
            let token = try central.token(role: "enumerator")
            let device = try workspace.replica("tablet")
            try Self.fill(device, prefix: "t", count: size, in: workspace)

            let daemon = try device.daemon(server.url, token: token, interval: 600)
            var held = 0
            let midway = eventually(timeout: 120, interval: 0.05) {
                held = try central.changeCount()
                return held > 0 || !daemon.isRunning
            }
            try #require(midway && daemon.isRunning, "the push started: \(held) changes; \(daemon.summary)")
            let signalled = Date()
            daemon.signal(SIGTERM)
            let status = daemon.waitForExit(timeout: 5)
            let took = Date().timeIntervalSince(signalled)
            #expect(held < size, "SIGTERM came mid-push: the central node held \(held) of \(size)")
            #expect(status == 0, "SIGTERM mid-sync: exit 0 within 5 s, not \(status.map(String.init) ?? "still running") after \(String(format: "%.1f", took)) s; \(daemon.summary)")
            if status == nil { daemon.kill9() }
            let acknowledged = try central.changeCount()
            #expect(try device.daemonStatus()?["state"] as? String == "stopped")

            // Run it again to the end: exactly the 20,000 changes and records, nothing twice.
            let again = try device.daemon(server.url, token: token, interval: 600)
            let done = eventually(timeout: 120, interval: 0.25) {
                guard try central.changeCount() == size, let status = try device.daemonStatus() else { return false }
                let unacknowledged = try device.unacknowledged()
                return status["state"] as? String == "idle" && unacknowledged == 0
            }
            #expect(done, "the rerun finished: central holds \(Self.show { try central.changeCount() }) (had \(acknowledged) after SIGTERM); \(Self.show { try device.daemonStatus() ?? [:] }); \(again.summary)")
            again.signal(SIGTERM)
            #expect(again.waitForExit(timeout: 5) == 0, "\(again.summary)")
            #expect(try central.changeCount() == size)
            let ids = try central.recordIDs()
            #expect(ids.count == size && Set(ids).count == size, "\(ids.count) records, \(Set(ids).count) distinct")
            #expect(try device.changeCount() == size)
        }
    }

    /// The kill moments come from a seeded generator; set `SENTRA_DAEMON_SEED` to replay a failure's seed.
    @Test(arguments: CentralStore.allCases) func kill9AtRandomMomentsOfALongSyncConverges(_ kind: CentralStore) async throws {
        let seed = ProcessInfo.processInfo.environment["SENTRA_DAEMON_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max)
        do {
            try await blocking { try kill9AtRandomMoments(kind, seed: seed) }
        } catch {
            Issue.record(error, "seed \(seed)")
        }
    }

    private func kill9AtRandomMoments(_ kind: CentralStore, seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let workspace = Workspace()
        let central = try workspace.central(kind, holding: 6_000, prefix: "k")
        let device = try workspace.replica("tablet")
        try Self.fill(device, prefix: "t", count: 14_000, in: workspace)
        let server = try ServerProcess(central)
        let token = try central.token(role: "enumerator")

        var moments: [Int] = []
        var cutOff = 0  // kills that came while the two replicas still differed
        for round in 0..<20 {
            let daemon = try device.daemon(server.url, token: token, interval: 600)
            let moment = Int.random(in: 50...1_500, using: &random)
            moments.append(moment)
            Thread.sleep(forTimeInterval: Double(moment) / 1_000)
            #expect(daemon.isRunning, "seed \(seed), round \(round): the daemon was running at its kill after \(moment) ms; \(daemon.summary)")
            daemon.kill9()
            if try device.changeCount() != central.changeCount() { cutOff += 1 }
            // Both sides keep writing between the kills.
            if round % 4 == 3 {
                try device.ok(["record", "add", "--form", "usaha", "--id", "t-extra-\(round)", "nama=Tambahan \(round)"])
                try device.ok(["record", "set", "t-\(round)", "pekerja=\(100 + round)"])
                try central.ok(["record", "add", "--form", "usaha", "--id", "k-extra-\(round)", "nama=Kantor \(round)"])
                try central.ok(["record", "set", "k-\(round)", "nama=Diperbaiki \(round)"])
            }
        }

        let last = try device.daemon(server.url, token: token, interval: 600)
        let converged = eventually(timeout: 120, interval: 0.25) {
            let status = try device.daemonStatus()
            let unacknowledged = try device.unacknowledged()
            let held = try device.changeCount()
            let centralHeld = try central.changeCount()
            return status?["state"] as? String == "idle" && unacknowledged == 0 && held == centralHeld
        }
        last.signal(SIGTERM)
        let exited = last.waitForExit(timeout: 5)
        #expect(converged, "seed \(seed) (moments \(moments)): device \(Self.show { try device.changeCount() }), central \(Self.show { try central.changeCount() }) changes; \(Self.show { try device.daemonStatus() ?? [:] }); \(last.summary)")
        #expect(exited == 0, "seed \(seed): \(last.summary)")
        #expect(cutOff > 0, "seed \(seed): no kill came in the middle of the sync (moments \(moments))")
        #expect(try device.changeCount() == central.changeCount(), "seed \(seed)")
        #expect(try device.convergentView() == central.convergentView(), "seed \(seed): device and central converge")
        let ids = try central.recordIDs()
        #expect(Set(ids).count == ids.count && ids.count == 20_010, "seed \(seed): \(ids.count) records")
        #expect(try device.integrityCheck() == "ok", "seed \(seed)")
        if kind == .sqlite { #expect(try central.integrityCheck() == "ok", "seed \(seed)") }
    }

    /// Status samples as runs of `state/consecutiveFailures`, such as `syncing/0 ×18, backoff/1 ×4`.
    static func trail(_ samples: [[String: Any]]) -> String {
        var runs: [(String, Int)] = []
        for sample in samples {
            let key = "\(sample["state"] ?? "-")/\(sample["consecutiveFailures"] ?? "-")"
            if runs.last?.0 == key { runs[runs.count - 1].1 += 1 } else { runs.append((key, 1)) }
        }
        return runs.map { "\($0.0) ×\($0.1)" }.joined(separator: ", ")
    }

    /// What `body` gives, for a failure message, or "?" if it throws.
    static func show(_ body: () throws -> Any) -> String {
        (try? body()).map { "\($0)" } ?? "?"
    }

    /// `count` new records `PREFIX-N` in `sentra`'s replica, by one CSV import.
    static func fill(_ sentra: SentraProcess, prefix: String, count: Int, in workspace: Workspace) throws {
        let rows = ["id,nama,pekerja"] + (0..<count).map { "\(prefix)-\($0),Usaha \(prefix) \($0),\($0 % 40)" }
        try sentra.ok(["record", "import", workspace.write("\(prefix).csv", rows.joined(separator: "\n")), "--form", "usaha"])
    }

    /// An ISO 8601 time from status, with or without fractional seconds.
    static func date(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }
}
