import Foundation
import Testing

/// `sentra demo` runs the walkthrough to a known outcome.
@Suite struct DemoTests {
    @Test func demoConvergesWithOneConflictResolved() throws {
        let workspace = Workspace()
        let sentra = SentraProcess(db: workspace.path("unused.db"))
        let result = try sentra.run(["demo", "--records", "5", "--dir", workspace.path("demo"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try result.json() as? [String: Any])
        #expect(summary["converged"] as? Bool == true)
        #expect(summary["conflictsFound"] as? Int == 1)
        #expect(summary["conflictsResolved"] as? Int == 1)
        let nodes = try #require(summary["nodes"] as? [[String: Any]])
        #expect(nodes.count == 4)
        #expect(nodes.allSatisfy { $0["records"] as? Int == 11 && $0["conflicts"] as? Int == 0 })
        let csv = try String(contentsOfFile: try #require(summary["csv"] as? String), encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 1 + 11)
    }

    @Test func demoNarratesAndSaysWhereTheFilesAre() throws {
        let workspace = Workspace()
        let sentra = SentraProcess(db: workspace.path("unused.db"))
        let result = try sentra.run(["demo", "--records", "3", "--dir", workspace.path("demo")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("conflicts found 1, resolved 1"))
        #expect(result.stdout.contains("files are in \(workspace.path("demo"))"))
    }
}
