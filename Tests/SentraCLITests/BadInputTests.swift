import Foundation
import Testing

/// Each bad input gets one clear line on stderr, a non-zero exit, and an unchanged replica.
@Suite struct BadInputTests {
    private func expectRefused(_ arguments: [String], _ sentra: SentraProcess, mentioning words: String) throws {
        let before = try Fixtures.snapshot(sentra)
        let result = try sentra.run(arguments)
        #expect(result.status != 0, "sentra \(arguments) should fail")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(result.stderr)")
        #expect(result.stderr.contains(words), "stderr should mention \"\(words)\": \(result.stderr)")
        #expect(try Fixtures.snapshot(sentra) == before, "sentra \(arguments) changed the replica")
    }

    @Test func malformedFieldAssignment() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        try expectRefused(["record", "set", "usaha-1", "pekerja"], sentra, mentioning: "FIELD=VALUE")
        try expectRefused(["record", "add", "--form", "usaha", "=5"], sentra, mentioning: "FIELD=VALUE")
    }

    @Test func unknownRecord() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        try expectRefused(["record", "set", "no-such", "pekerja=3"], sentra, mentioning: "no record no-such")
        try expectRefused(["record", "delete", "no-such"], sentra, mentioning: "no record no-such")
        try expectRefused(["record", "show", "no-such"], sentra, mentioning: "no record no-such")
        try expectRefused(["resolve", "no-such", "pekerja=3"], sentra, mentioning: "no record no-such")
    }

    @Test func valuesThatBreakTheForm() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        try expectRefused(["record", "set", "usaha-1", "pekerja=banyak"], sentra, mentioning: "field pekerja")
        try expectRefused(["record", "set", "usaha-1", "desa=Jakarta"], sentra, mentioning: "field desa")
        try expectRefused(["record", "add", "--form", "usaha", "pekerja=3"], sentra, mentioning: "field nama_usaha")
        try expectRefused(["record", "set", "usaha-1", "warna=merah"], sentra, mentioning: "field warna")
        try expectRefused(["record", "set", "usaha-1", "lokasi=north"], sentra, mentioning: "field lokasi")
    }

    @Test func csvWithOneBadRowChangesNothing() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        var rows = ["nama_usaha,pekerja,desa"]
        rows += (1...50).map { "Usaha \($0),\($0),Ridogalih" }
        rows.append("Usaha rusak,tiga,Ridogalih")
        let file = workspace.write("rows.csv", rows.joined(separator: "\n") + "\n")
        try expectRefused(["record", "import", file, "--form", "usaha"], sentra, mentioning: "pekerja")
    }

    @Test func badBundles() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        let other = try Fixtures.seededReplica(in: workspace, name: "budi")
        let bundle = workspace.path("budi.bundle")
        try other.ok(["bundle", "export", "--out", bundle])
        let data = try Data(contentsOf: URL(fileURLWithPath: bundle))
        let truncated = workspace.path("truncated.bundle")
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: truncated))
        try expectRefused(["bundle", "import", truncated], sentra, mentioning: "truncated")

        var corruptedData = data
        for index in stride(from: 12, to: corruptedData.count - 8, by: 5) { corruptedData[index] ^= 0xA5 }
        let corrupted = workspace.path("corrupted.bundle")
        try corruptedData.write(to: URL(fileURLWithPath: corrupted))
        try expectRefused(["bundle", "import", corrupted], sentra, mentioning: "bundle")

        let newer = workspace.path("newer.bundle")
        try gzip(#"{"format":"sentra-bundle","version":99,"survey":"ikm"}"#, to: newer, in: workspace)
        try expectRefused(["bundle", "import", newer], sentra, mentioning: "newer")

        let elsewhere = try workspace.replica("kantor", survey: "lain")
        try elsewhere.ok(["record", "add", "--form", "usaha", "nama_usaha=X"])
        let foreign = workspace.path("foreign.bundle")
        try elsewhere.ok(["bundle", "export", "--out", foreign])
        try expectRefused(["bundle", "import", foreign], sentra, mentioning: "survey")
        try expectRefused(["bundle", "import", workspace.path("missing.bundle")], sentra, mentioning: "cannot read")
    }

    @Test func missingReplicaIsAClearError() throws {
        let workspace = Workspace()
        let sentra = SentraProcess(db: workspace.path("none.db"))
        let result = try sentra.run(["status"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no replica"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("none.db")), "a failed open must not create a file")
    }

    private func gzip(_ text: String, to path: String, in workspace: Workspace) throws {
        let plain = workspace.write("plain.json", text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(plain)' > '\(path)'"]
        try process.run()
        process.waitUntilExit()
    }
}
