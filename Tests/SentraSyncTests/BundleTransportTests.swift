import Foundation
import SentraCore
import SentraServer
import SentraStore
import SentraSync
import Testing

/// A sync over bundle files: apply a bundle, reply with what its sender lacked.
@Suite struct BundleTransportTests {
    @Test func bundleAndReplyConvergeTwoReplicas() async throws {
        let directory = TemporaryDirectory()
        let office = try Replica.create(at: directory.path("office.db"), name: "kantor", survey: "ikm")
        let tablet = try Replica.create(at: directory.path("tablet.db"), name: "tablet", survey: "ikm")
        for index in 0..<3 {
            try office.addRecord(survey: "ikm", form: "usaha", id: "k\(index)", fields: .values(["a": .integer(Int64(index))]))
            try tablet.addRecord(survey: "ikm", form: "usaha", id: "t\(index)", fields: .values(["a": .integer(Int64(index))]))
        }
        let transport = try BundleTransport(bundle: try office.exportBundle(survey: "ikm").data, now: 0)
        let summary = try await SyncDriver(replica: tablet, transport: transport).sync(survey: "ikm")
        #expect(summary.pulled == 3 && summary.pushed == 3)
        #expect(try tablet.peerCursor(survey: "ikm", peer: office.node.id)?.pullCursor ?? 0 == 0, "no cursor is kept into a bundle")
        let reply = try #require(try transport.reply())
        let result = try office.importBundle(reply)
        #expect(result.applied == 3 && result.skipped == 0)
        let officeHolds = try await fingerprint(ReplicaStorage(replica: office), survey: "ikm")
        #expect(try await fingerprint(ReplicaStorage(replica: tablet), survey: "ikm") == officeHolds)
    }

    @Test func bundleForAnotherSurveyIsRefused() async throws {
        let directory = TemporaryDirectory()
        let office = try Replica.create(at: directory.path("office.db"), name: "kantor", survey: "lain")
        let tablet = try Replica.create(at: directory.path("tablet.db"), name: "tablet", survey: "ikm")
        let transport = try BundleTransport(bundle: try office.exportBundle(survey: "lain").data, now: 0)
        await #expect(throws: SyncError.self) { try await SyncDriver(replica: tablet, transport: transport).sync(survey: "ikm") }
    }
}
