import Foundation
import SentraCore
import SentraStore
import SentraServer
import SentraSync

/// A temporary directory for one test's replicas, removed at the end.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-sync-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Everything that must converge, with nothing local in it (names, log positions): the same text
/// from either store.
func fingerprint(_ node: any CentralStorage, survey: String) async throws -> String {
    var lines = ["vv \(try await node.state(survey: survey).versionVector)"]
    for record in try await node.records(survey: survey, form: nil, includeDeleted: true) {
        let entries = record.entries.keys.sorted().map { field in
            field + "=" + record.entries[field]!.map { "\($0.node):\($0.counter)=\($0.value.jsonText)" }.joined(separator: "|")
        }
        lines.append("\(record.id) \(record.form) deleted=\(record.deleted) \(entries.joined(separator: " ")) ctx=\(record.context)")
    }
    lines += try await node.conflicts(survey: survey).map {
        "conflict \($0.record)/\($0.field ?? "-") " + $0.values.map { "\($0.node):\($0.counter)" }.joined(separator: ",")
    }
    return lines.joined(separator: "\n")
}

/// A node ID that sorts and reads well in failures: `n<index><random hex>`.
func testNodeID(_ index: Int, _ random: inout SeededGenerator) -> NodeID {
    NodeID(rawValue: String(format: "n%02d%06x", index, Int.random(in: 0..<0xFFFFFF, using: &random)))!
}
