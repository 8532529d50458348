import Foundation
import SentraTestSupport
import Testing

/// The office's commands on a central node in PostgreSQL (`--postgres URL`) print what they print
/// on the SQLite file (`--db`): the same script on both, compared line by line once node IDs and
/// times are masked. Commands that work on a device's replica file only refuse `--postgres`, and
/// `$SENTRA_POSTGRES_URL` without `--db`, with one line.
@Suite struct CentralCommandTests {
    /// Every office command but `serve` and `user` (``UserProcessTests``), with and without `--json`.
    static let script: [[String]] = [
        ["form", "publish", "FORM"],
        ["form", "list"], ["form", "list", "--json"], ["form", "show", "usaha"],
        ["record", "add", "--form", "usaha", "--id", "k-1", "nama=Konveksi Maju", "pekerja=3"],
        ["record", "add", "--form", "usaha", "--id", "k-2", "nama=Jahit Berkah", "--json"],
        ["record", "add", "--form", "usha", "--id", "k-3", "nama=Salah"],
        ["record", "add", "--form", "lain", "--id", "k-4", "--schemaless", "catatan=tanpa formulir"],
        ["record", "set", "k-1", "pekerja=4"], ["record", "set", "k-1", "pekerja=lima"],
        ["record", "delete", "k-2"], ["record", "delete", "k-9"],
        ["record", "show", "k-1"], ["record", "show", "k-1", "--json"], ["record", "show", "k-9"],
        ["record", "list"], ["record", "list", "--deleted", "--json"], ["record", "list", "--form", "lain"],
        ["record", "history", "k-1"], ["record", "history", "k-1", "--json"],
        ["review", "set", "k-1", "--state", "hasIssues", "--note", "NIB kosong", "--by", "Dewi"],
        ["review", "set", "k-1", "--state", "approved", "--by", "Dewi"],
        ["review", "list"], ["review", "list", "--state", "approved", "--json"], ["review", "list", "--form", "lain"],
        ["conflicts"], ["conflicts", "--json"], ["resolve", "k-1", "pekerja=5"],
        ["log"], ["log", "--limit", "2"], ["log", "--json"],
        ["export"], ["export", "--format", "json"], ["export", "--format", "ndjson", "--state", "approved"],
        ["export", "--format", "csv", "--form", "lain", "--out", "OUT"],
        ["survey", "add", "ikm-2025"], ["survey", "add", "ikm-2025", "--json"], ["survey", "add", "bukan nama"],
        ["status"], ["status", "--json"], ["survey", "list"], ["survey", "list", "--json"],
        ["token", "list"], ["token", "create", "--name", "tablet-ani", "--role", "enumerator", "--node", "f011040000000001", "--json"],
        ["token", "list"], ["token", "list", "--json"], ["token", "revoke", "tablet-ani"], ["token", "revoke", "tablet-budi"],
        ["devices"], ["devices", "--json"],
        ["log", "--survey", "tidak-ada"],
    ]

    @Test func theOfficesCommandsPrintTheSameOnBothStores() async throws {
        try await blocking {
            let workspace = Workspace()
            let form = workspace.write("usaha.json", #"""
                {"name": "usaha", "version": 1, "title": "Usaha", "fields": [
                 {"name": "nama", "type": "text", "required": true}, {"name": "pekerja", "type": "integer"}]}
                """#)
            var outputs: [CentralStore: [String]] = [:]
            for kind in CentralStore.allCases {
                let central = try workspace.central(kind, name: "kantor-\(kind.rawValue)", office: true)
                let id = try #require((try central.statusJSON()["node"] as? [String: Any])?["id"] as? String)
                let out = workspace.path("export-\(kind.rawValue).csv")
                outputs[kind] = try Self.script.map { arguments in
                    let result = try central.run(arguments.map { $0 == "FORM" ? form : $0 == "OUT" ? out : $0 })
                    let text = "$ \(arguments.joined(separator: " "))\nexit \(result.status)\n\(result.stdout)\(result.stderr)"
                    return Self.masked(text, node: id, name: "kantor-\(kind.rawValue)", paths: [out: "OUT"])
                }
                #expect(FileManager.default.fileExists(atPath: out), "export --out wrote \(out)")
            }
            let sqlite = outputs[.sqlite] ?? [], postgres = outputs[.postgres] ?? []
            #expect(sqlite.count == Self.script.count && postgres.count == Self.script.count)
            for (left, right) in zip(sqlite, postgres) where left != right {
                Issue.record("SQLite and PostgreSQL differ:\n--- SQLite\n\(left)\n--- PostgreSQL\n\(right)")
            }
            // The script did what it says on SQLite, so the comparison compares something.
            let all = sqlite.joined(separator: "\n")
            #expect(all.contains("$ record show k-1\nexit 0\nrecord k-1  form usaha"), "\(all)")
            #expect(all.contains("$ record add --form usha --id k-3 nama=Salah\nexit 1\n"))
            #expect(all.contains("k-1\tapproved\tDewi"), "\(all)")
        }
    }

    /// `text` with the node's ID, name and the given paths replaced, and ISO 8601 times, clocks and
    /// tokens masked: what differs between two nodes made at different moments.
    static func masked(_ text: String, node: String, name: String, paths: [String: String]) -> String {
        var text = text.replacingOccurrences(of: node, with: "NODE").replacingOccurrences(of: name, with: "NAME")
        for (path, label) in paths { text = text.replacingOccurrences(of: path, with: label) }
        for pattern in [#"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"#, #"sentra_[A-Za-z0-9_-]+"#, #"(?<="hlc" : )[0-9]+"#] {
            text = text.replacingOccurrences(of: pattern, with: "MASKED", options: .regularExpression)
        }
        return text
    }

    @Test(arguments: [
        ["sync", "http://127.0.0.1:1", "--token", "sentra_x"],
        ["daemon", "http://127.0.0.1:1", "--token", "sentra_x"],
        ["bundle", "export", "--out", "bundle.sentra"],
        ["bundle", "import", "bundle.sentra"],
        ["record", "import", "rows.csv", "--form", "usaha"],
        ["review", "todo"],
        ["form", "import", "usaha.json"],
        ["restore", "backup.db"],
    ])
    func replicaCommandsRefusePostgres(_ arguments: [String]) throws {
        let workspace = Workspace()
        // Files the commands read exist, so that what stops them is where they would write.
        _ = workspace.write("bundle.sentra", "not a bundle")
        _ = workspace.write("rows.csv", "id,nama\nr-1,Satu\n")
        let url = "postgres://sentra@/sentra?host=/nonexistent"
        let given = try SentraProcess(db: workspace.path("sentra.db"), postgres: url).run(arguments)
        #expect(given.status == 1, "\(given.stderr)")
        #expect(given.stderr.split(separator: "\n").count == 1 && given.stderr.contains("works on a replica file"), "\(given.stderr)")

        let process = Process()
        process.executableURL = SentraProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = workspace.url
        process.environment = ProcessInfo.processInfo.environment.merging(["SENTRA_POSTGRES_URL": url, "SENTRA_DB": ""]) { $1 }
        let variable = try process.runCapturingOutput()
        #expect(variable.status == 1, "\(variable.stderr)")
        #expect(variable.stderr.split(separator: "\n").count == 1 && variable.stderr.contains("$SENTRA_POSTGRES_URL")
                    && variable.stderr.contains("--db"), "\(variable.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("sentra.db")), "nothing was made")
    }
}
