import Foundation
import SentraCore
import Testing
@testable import SentraStore

/// Bad bundles are refused with a clear error and change nothing.
@Suite struct BundleErrorTests {
    let survey = TwoReplicas.survey

    private func expectRefused(_ data: Data, mentioning words: String, pair: TwoReplicas) throws {
        let before = try pair.state(pair.budi)
        #expect {
            try pair.budi.importBundle(data)
        } throws: { error in
            guard let error = error as? StoreError, error.code == .invalidBundle else { return false }
            return error.message.contains(words)
        }
        #expect(try pair.state(pair.budi) == before)
    }

    private func bundle(_ pair: TwoReplicas) throws -> Data {
        for index in 0..<20 {
            try pair.ani.addRecord(survey: survey, form: "usaha", fields: .values(["pekerja": .integer(Int64(index))]))
        }
        return try pair.ani.exportBundle(survey: survey).data
    }

    @Test func truncatedBundle() throws {
        let pair = try TwoReplicas()
        let data = try bundle(pair)
        try expectRefused(data.prefix(data.count / 2), mentioning: "truncated", pair: pair)
    }

    @Test func corruptedBundle() throws {
        let pair = try TwoReplicas()
        var data = try bundle(pair)
        for index in stride(from: 20, to: data.count - 10, by: 7) { data[index] ^= 0x5A }
        try expectRefused(data, mentioning: "bundle", pair: pair)
    }

    @Test func notABundle() throws {
        let pair = try TwoReplicas()
        try expectRefused(try Gzip.compress(Data("{\"hello\": 1}".utf8)), mentioning: "not a Sentra bundle", pair: pair)
        try expectRefused(Data("plain text".utf8), mentioning: "bundle", pair: pair)
    }

    @Test func newerFormatVersion() throws {
        let pair = try TwoReplicas()
        var decoded = try Replica.decodeBundle(try bundle(pair))
        decoded.version = SyncBundle.currentVersion + 1
        try expectRefused(try Gzip.compress(try JSONEncoder().encode(decoded)), mentioning: "newer", pair: pair)
    }

    @Test func bundleForAnotherSurvey() throws {
        let pair = try TwoReplicas()
        try pair.ani.addSurvey("other")
        try pair.ani.addRecord(survey: "other", form: "usaha", fields: .values(["pekerja": .integer(1)]))
        try expectRefused(try pair.ani.exportBundle(survey: "other").data, mentioning: "does not hold", pair: pair)
    }

    @Test("a change the protocol forbids: set {\"_deleted\": true}, set {}, or one under the importer's own ID")
    func forbiddenChanges() throws {
        let pair = try TwoReplicas()
        let json = String(decoding: try Gzip.decompress(try bundle(pair), limit: 1 << 24), as: UTF8.self)
        #expect(json.contains(#""set":{"pekerja":19}"#))
        for replacement in [#""set":{"_deleted":true}"#, #""set":{}"#] {
            let forged = json.replacingOccurrences(of: #""set":{"pekerja":19}"#, with: replacement)
            try expectRefused(try Gzip.compress(Data(forged.utf8)), mentioning: "corrupted", pair: pair)
        }
        // Budi's own ID on a change Budi never wrote.
        let posing = json.replacingOccurrences(of: pair.ani.node.id.rawValue, with: pair.budi.node.id.rawValue)
        let before = try pair.state(pair.budi)
        let error = try #require(throws: StoreError.self) { try pair.budi.importBundle(try Gzip.compress(Data(posing.utf8))) }
        #expect(error.code == .ownOrigin)
        #expect(try pair.state(pair.budi) == before)
    }
}
