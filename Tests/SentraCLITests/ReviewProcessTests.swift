import Foundation
import SentraTestSupport
import Testing

/// The review loop between real processes: the office sets `hasIssues`, the device that synced
/// through a supervisor's relay sees it to revisit, its edit marks the record edited, the office
/// approves. A device cannot review.
@Suite(.serialized) struct ReviewProcessTests {
    static func state(_ replica: SentraProcess, _ id: String) throws -> String? {
        let list = try JSONSerialization.jsonObject(with: Data(try replica.ok(["review", "list", "--json"]).utf8)) as? [[String: Any]] ?? []
        return list.first { $0["record"] as? String == id }?["state"] as? String
    }

    @Test(arguments: CentralStore.allCases) func theLoopThroughARelay(_ kind: CentralStore) async throws {
        try await blocking { try Self.loopThroughARelay(kind) }
    }

    @Test(arguments: CentralStore.allCases) func twoOfficesReviewingAtOnceMakeAConflictEverywhereUntilOneSettlesIt(_ kind: CentralStore) async throws {
        try await blocking { try Self.twoOfficesReviewingAtOnce(kind) }
    }

    static func loopThroughARelay(_ kind: CentralStore) throws {
        let workspace = Workspace()
        let central = try workspace.central(kind, office: true)
        let centralServer = try ServerProcess(central)
        let supervisor = try workspace.replica("supervisor")
        let supervisorServer = try ServerProcess(supervisor)
        let budi = try workspace.replica("tablet-budi")
        let ani = try workspace.replica("tablet-ani")
        let aniToken = try central.token(role: "enumerator", name: "tablet-ani")
        let supervisorToken = try central.token(role: "enumerator", name: "supervisor")
        let budiToken = try supervisor.token(role: "enumerator", name: "tablet-budi")

        try budi.ok(["record", "add", "--form", "usaha", "--id", "b-1", "nama=Jahit Berkah"])
        try budi.sync(supervisorServer.url, token: budiToken)
        try supervisor.sync(centralServer.url, token: supervisorToken)
        #expect(try Self.state(central, "b-1") == "received")

        try central.ok(["review", "set", "b-1", "--state", "hasIssues", "--note", "NIB kosong", "--by", "Dewi"])
        try supervisor.sync(centralServer.url, token: supervisorToken)
        try budi.sync(supervisorServer.url, token: budiToken)
        let todo = try budi.ok(["review", "todo"])
        #expect(todo.contains("b-1\thasIssues\tNIB kosong\tDewi"), "\(todo)")
        // Ani, syncing directly, holds the review too, but b-1 is not hers to revisit.
        try ani.sync(centralServer.url, token: aniToken)
        #expect(try Self.state(ani, "b-1") == "hasIssues")
        #expect(try ani.ok(["review", "todo"]).contains("Nothing to revisit"))
        #expect(try ani.ok(["review", "todo", "--all"]).contains("b-1"))

        // Budi cannot review; his edit marks the record edited, in the same change.
        let forged = try budi.run(["review", "set", "b-1", "--state", "approved"])
        #expect(forged.status == 1 && forged.stderr.contains("only office nodes review"), "\(forged.stderr)")
        try budi.ok(["record", "set", "b-1", "nib=3201234567890"])
        #expect(try budi.ok(["review", "todo"]).contains("Nothing to revisit"))
        try budi.sync(supervisorServer.url, token: budiToken)
        try supervisor.sync(centralServer.url, token: supervisorToken)
        #expect(try Self.state(central, "b-1") == "edited")

        try central.ok(["review", "set", "b-1", "--state", "approved", "--by", "Dewi"])
        try supervisor.sync(centralServer.url, token: supervisorToken)
        try budi.sync(supervisorServer.url, token: budiToken)
        #expect(try Self.state(budi, "b-1") == "approved")
        // The office exports only the clean data.
        try central.ok(["record", "add", "--form", "usaha", "--id", "k-1", "nama=Belum diperiksa"])
        let approved = try central.ok(["export", "--format", "csv", "--state", "approved"])
        #expect(approved.contains("b-1,usaha,") && !approved.contains("k-1"), "\(approved)")
        #expect(approved.contains(",approved,,Dewi @ kantor,"), "\(approved)")
        try budi.sync(supervisorServer.url, token: budiToken)
        try supervisor.sync(centralServer.url, token: supervisorToken)
        try budi.sync(supervisorServer.url, token: budiToken)
        let budiView = try budi.convergentView(), centralView = try central.convergentView()
        #expect(budiView == centralView, "\(budiView)\n---\n\(centralView)")
    }

    static func twoOfficesReviewingAtOnce(_ kind: CentralStore) throws {
        let workspace = Workspace()
        let central = try workspace.central(kind, office: true)
        let server = try ServerProcess(central)
        let laptop = SentraProcess(db: workspace.path("laptop-dewi.db"))
        try laptop.ok(["init", "--name", "laptop-dewi", "--survey", "ikm", "--office"])
        let ani = try workspace.replica("tablet-ani")
        let laptopToken = try central.token(role: "office", name: "laptop-dewi")
        let aniToken = try central.token(role: "enumerator", name: "tablet-ani")
        try ani.ok(["record", "add", "--form", "usaha", "--id", "a-1", "nama=Konveksi Maju"])
        try ani.sync(server.url, token: aniToken)
        try laptop.sync(server.url, token: laptopToken)

        try central.ok(["review", "set", "a-1", "--state", "approved", "--by", "Rina"])
        try laptop.ok(["review", "set", "a-1", "--state", "rejected", "--note", "bukan konveksi", "--by", "Dewi"])
        try laptop.sync(server.url, token: laptopToken)
        try ani.sync(server.url, token: aniToken)
        for replica in [central, laptop, ani] {
            #expect(try replica.ok(["conflicts"]).contains("_review"), "a conflict on the review everywhere")
            #expect(try replica.ok(["review", "list"]).contains("(conflict)"))
        }
        let history = try central.ok(["record", "history", "a-1"])
        #expect(history.contains("review approved by Rina") && history.contains("review rejected \"bukan konveksi\" by Dewi"), "\(history)")

        try central.ok(["review", "set", "a-1", "--state", "rejected", "--note", "bukan konveksi", "--by", "Rina"])
        try laptop.sync(server.url, token: laptopToken)
        try ani.sync(server.url, token: aniToken)
        for replica in [central, laptop, ani] {
            #expect(try replica.ok(["conflicts"]).contains("No conflicts"))
            #expect(try Self.state(replica, "a-1") == "rejected")
        }
    }
}
