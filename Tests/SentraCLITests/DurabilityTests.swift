import Foundation
import Testing

/// A write that `sentra` acknowledged survives a kill -9 of a process writing right after it.
@Suite struct DurabilityTests {
    @Test func acknowledgedRecordsSurviveKill9() throws {
        let workspace = Workspace()
        let sentra = try workspace.replica("ani")
        let acknowledged = workspace.path("acknowledged.txt")
        // A writer that records each ID only after `sentra record add` has exited 0.
        let writer = sentra.shell("""
            i=0
            while true; do
              id=$("$SENTRA" record add --form usaha nama_usaha="Usaha $i" pekerja=$i) || exit 1
              echo "$id" >> '\(acknowledged)'
              i=$((i+1))
            done
            """)
        try writer.run()
        // A bulk import writing right after: killed mid-write.
        let rows = ["nama_usaha,pekerja"] + (0..<40_000).map { "Impor \($0),\($0)" }
        let file = workspace.write("rows.csv", rows.joined(separator: "\n"))
        let importer = sentra.configured(["record", "import", file, "--form", "usaha"])
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        Thread.sleep(forTimeInterval: 2.0)
        try importer.run()
        Thread.sleep(forTimeInterval: 0.8)
        kill(importer.processIdentifier, SIGKILL)
        // The writer, and whatever `sentra record add` it had running.
        try sentra.shell("pkill -9 -P \(writer.processIdentifier); kill -9 \(writer.processIdentifier); true").runAndWait()
        importer.waitUntilExit()
        writer.waitUntilExit()

        let ids = try String(contentsOfFile: acknowledged, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(ids.count >= 5, "the writer acknowledged \(ids.count) records")
        for id in ids {
            let shown = try sentra.run(["record", "show", id, "--json"])
            #expect(shown.status == 0, "acknowledged record \(id) was lost: \(shown.stderr)")
        }
        let records = try #require(try sentra.run(["record", "list", "--json"]).json() as? [[String: Any]])
        let imported = records.filter { (($0["fields"] as? [String: Any])?["nama_usaha"] as? String)?.hasPrefix("Impor ") == true }.count
        #expect(importer.terminationStatus != 0 || imported == 40_000)
        #expect(imported % 1_000 == 0 || imported == 40_000, "the import left a partial transaction: \(imported) rows")
        #expect(try sentra.integrityCheck() == "ok")
    }

}

extension Process {
    /// Starts the process and waits for it to end.
    @discardableResult
    func runAndWait() throws -> Int32 {
        try run()
        waitUntilExit()
        return terminationStatus
    }
}
