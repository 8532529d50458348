public import Foundation
public import SentraCore
import GRDB

extension Replica {
    /// The largest bundle content accepted, decompressed: a guard against gzip bombs.
    public static let maximumBundleBytes = 1 << 30

    /// Writes a bundle of the survey's changes.
    ///
    /// - Parameter recipient: a node ID or name. The bundle then holds only the changes that node
    ///   lacked when this replica last heard from it. Without one, or for a node never heard from,
    ///   it holds the whole log.
    public func exportBundle(survey: String, for recipient: String? = nil) throws -> BundleExport {
        let (bundle, peer) = try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            let names = try tables.nodeNames()
            var peer: NodeInfo?
            var known = VersionVector()
            if let recipient, let id = NodeID(rawValue: recipient).flatMap({ names[$0] != nil ? $0 : nil })
                ?? names.first(where: { $0.value == recipient })?.key {
                peer = NodeInfo(id: id, name: names[id]!)
                known = try tables.peerHolds(id)
            }
            let changes = try Replica.loggedChanges(db, sql: "SELECT seq, body FROM change_log WHERE survey = ? ORDER BY seq", arguments: [survey])
                .map(\.change)
                .filter { !known.covers($0.dot) }
            let bundle = SyncBundle(
                survey: survey, sender: node, versionVector: try tables.versionVector(),
                nodes: names.map { NodeInfo(id: $0.key, name: $0.value) }.sorted { $0.id < $1.id }, changes: changes,
                forms: try tables.publishedForms())
            return (bundle, peer)
        }
        return BundleExport(data: try Replica.encodeBundle(bundle), changeCount: bundle.changes.count, recipient: peer)
    }

    /// Applies a bundle in one transaction, causally and idempotently, and records what its
    /// sender holds. A truncated, corrupted or newer bundle, or one for a survey this replica does
    /// not hold, is refused and changes nothing.
    public func importBundle(_ data: Data) throws -> BundleImportResult {
        let bundle = try Replica.decodeBundle(data)
        return try write { db in
            let tables = ReplicaTables(db: db, survey: bundle.survey)
            guard try Replica.surveyExists(bundle.survey, db: db) else {
                throw StoreError(.invalidBundle, "the bundle is for survey \"\(bundle.survey)\", which this replica does not hold")
            }
            let forms = try receiveForms(bundle.forms ?? [], tables: tables, from: bundle.sender)
            let result = try applyBatch(bundle.changes, tables: tables)
            try tables.recordPeerHolds(bundle.sender.id, bundle.versionVector)
            try tables.learn(bundle.nodes + [bundle.sender], except: node.id)
            return BundleImportResult(survey: bundle.survey, sender: bundle.sender, applied: result.applied,
                                      skipped: result.skipped, newConflicts: result.newConflicts, clockAhead: result.clockAhead, forms: forms)
        }
    }

    /// A bundle as it goes on disk: canonical JSON, gzip-compressed.
    public static func encodeBundle(_ bundle: SyncBundle) throws -> Data {
        try Gzip.compress(try JSONEncoder.canonical.encode(bundle))
    }

    /// Decompresses and decodes a bundle, checking its format and version first.
    public static func decodeBundle(_ data: Data) throws -> SyncBundle {
        let json: Data
        do {
            json = try Gzip.decompress(data, limit: maximumBundleBytes)
        } catch let error as Gzip.Failure {
            throw StoreError(.invalidBundle, "the bundle \(error.message); it was not imported", underlying: error)
        }
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(SyncBundle.Header.self, from: json), header.format == SyncBundle.formatName else {
            throw StoreError(.invalidBundle, "the file is not a Sentra bundle")
        }
        guard header.version <= SyncBundle.currentVersion else {
            throw StoreError(.invalidBundle, "the bundle has format version \(header.version), newer than this sentra reads (\(SyncBundle.currentVersion)); upgrade sentra")
        }
        do {
            return try decoder.decode(SyncBundle.self, from: json)
        } catch let error as DecodingError {
            throw StoreError(.invalidBundle, "the bundle is corrupted: \(error.summary)", underlying: error)
        }
    }
}
