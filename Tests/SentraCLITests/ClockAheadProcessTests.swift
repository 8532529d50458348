import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SentraCore
import Testing

/// The reported fault, as an outside client found it: one pushed change with the greatest HLC
/// the protocol allows made the node stamp its next write out of range, and then `sentra log` and
/// every sync from that node failed. Real processes: `sentra serve`, `resolve`, `log`, `sync`.
@Suite(.serialized) struct ClockAheadProcessTests {
    @Test func aPushedMaximumHLCBreaksNothing() async throws {
        let workspace = Workspace()
        let central = try workspace.replica("kantor")
        let server = try ServerProcess(central)
        let ani = try workspace.replica("tablet-ani")
        try ani.ok(["record", "add", "--form", "usaha", "--id", "cbr-001", "nama=Konveksi Maju", "pekerja=5"])
        let aniToken = try central.token(role: "enumerator", name: "tablet-ani")
        try ani.sync(server.url, token: aniToken)

        // An outside client edits the record concurrently, stamped with the greatest HLC.
        let outside = NodeInfo(id: NodeID.random(), name: "outside-client")
        let change = Change(dot: Dot(origin: outside.id, counter: 1), hlc: .greatest, record: "cbr-001", form: "usaha",
                            context: VersionVector(), operation: .assign(["pekerja": .integer(9)]))
        let push = PushRequest(sender: outside, versionVector: VersionVector([outside.id: 1]), nodes: [], changes: [change])
        let answer = try await post(push, to: "\(server.url)/v1/surveys/ikm/push", token: try central.token(role: "enumerator", name: "outside-client"))
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.text.contains(#""clockAhead":1"#) || answer.text.contains(#""clockAhead" : 1"#), "\(answer.text)")

        // The node resolves the conflict; its own timestamp is in range, and its log reads.
        #expect(try central.ok(["conflicts"]).contains("pekerja"))
        try central.ok(["resolve", "cbr-001", "pekerja=7"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(central.ok(["log", "--json"]).utf8)) as? [[String: Any]])
        #expect(log.count == 3)
        let stamps = log.compactMap { (($0["change"] as? [String: Any])?["hlc"] as? NSNumber)?.int64Value }
        #expect(stamps.count == 3 && stamps.allSatisfy(HybridTimestamp.isInRange), "\(log)")
        #expect(stamps.last! < HybridTimestamp.greatest.rawValue, "the node's clock did not follow the outside client's")

        // A fresh device syncs from the node and sees what the node sees; so does Ani.
        let fresh = try workspace.replica("tablet-baru")
        try fresh.sync(server.url, token: try central.token(role: "enumerator", name: "tablet-baru"))
        try ani.sync(server.url, token: aniToken)
        let reference = try central.convergentView()
        #expect(reference.contains("pekerja=7") && !reference.contains("conflict"))
        #expect(try fresh.convergentView() == reference)
        #expect(try ani.convergentView() == reference)
        #expect(try fresh.ok(["log"]).split(separator: "\n").count == 3)
    }

    private func post(_ push: PushRequest, to url: String, token: String) async throws -> (status: Int, text: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(push)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
