import Foundation
import SentraCore
@testable import SentraStore

/// A temporary directory for one test's replica files, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A wall clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var milliseconds: Int64

    init(_ milliseconds: Int64 = 1_764_000_000_000) { self.milliseconds = milliseconds }

    var now: Int64 { lock.withLock { milliseconds } }

    func advance(by delta: Int64) { lock.withLock { milliseconds += delta } }

    var reading: @Sendable () -> Int64 { { [self] in now } }
}

/// Everything about a replica's survey that must converge, with nothing local (node names, log
/// positions) in it.
struct ConvergentState: Equatable, CustomStringConvertible {
    struct Record: Equatable {
        var id: String
        var form: String
        var deleted: Bool
        var display: [String: FieldValue]
        var entries: [String: [String]]
        var context: VersionVector
    }

    var versionVector: VersionVector
    var records: [Record]
    var conflicts: [String]

    init(_ replica: Replica, survey: String) throws {
        versionVector = try replica.versionVector(survey: survey)
        records = try replica.records(survey: survey, includeDeleted: true).map { view in
            Record(id: view.id, form: view.form, deleted: view.deleted, display: view.fields,
                   entries: view.entries.mapValues { $0.map { "\($0.node):\($0.counter)@\($0.hlc.rawValue)=\($0.value.jsonText)" } },
                   context: view.context)
        }
        conflicts = try replica.conflicts(survey: survey).map { conflict in
            "\(conflict.record)/\(conflict.field ?? "<deleted>"): " + conflict.values.map { "\($0.node):\($0.counter)" }.joined(separator: ",")
        }
    }

    var description: String {
        "vv \(versionVector)\n" + records.map { "\($0)" }.joined(separator: "\n") + "\nconflicts \(conflicts)"
    }
}

extension Replica {
    /// The changes this replica holds that `other` lacks, in log order.
    func changesMissing(from other: Replica, survey: String) throws -> [Change] {
        let held = try other.versionVector(survey: survey)
        return try changes(survey: survey).map(\.change).filter { !held.covers($0.dot) }
    }
}
