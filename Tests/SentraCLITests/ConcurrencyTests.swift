import Foundation
import Testing

/// Two processes writing to one replica at once: no dot is duplicated and every write is kept.
@Suite struct ConcurrencyTests {
    @Test func twoProcessesWriteToOneReplica() throws {
        let workspace = Workspace()
        let sentra = try workspace.replica("ani")
        let perProcess = 150
        let writers = ["a", "b"].map { tag in
            sentra.shell("""
                for i in $(seq 1 \(perProcess)); do
                  "$SENTRA" record add --form usaha --id \(tag)-$i nama_usaha="Usaha \(tag) $i" >/dev/null || exit 1
                done
                """)
        }
        for writer in writers { try writer.run() }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        let log = try #require(try sentra.run(["log", "--json"]).json() as? [[String: Any]])
        let dots = log.compactMap { entry -> String? in
            guard let change = entry["change"] as? [String: Any] else { return nil }
            return "\(change["origin"] ?? ""):\(change["counter"] ?? "")"
        }
        #expect(dots.count == 2 * perProcess)
        #expect(Set(dots).count == dots.count, "a dot was used twice")
        let records = try #require(try sentra.run(["record", "list", "--json"]).json() as? [[String: Any]])
        #expect(records.count == 2 * perProcess)
        let status = try #require(try sentra.run(["status", "--json"]).json() as? [String: Any])
        let survey = try #require((status["surveys"] as? [[String: Any]])?.first)
        let vector = try #require(survey["versionVector"] as? [String: Int])
        #expect(vector.values.reduce(0, +) == 2 * perProcess)
    }
}
