import Foundation
import SentraTestSupport
import Testing

/// `sentra user`, run as a real process with the password piped on stdin, on a central node in
/// SQLite and in PostgreSQL.
@Suite struct UserProcessTests {
    @Test(arguments: CentralStore.allCases) func addListPasswdAndDisableAUser(_ kind: CentralStore) async throws {
        try await blocking { try Self.addListPasswdAndDisable(kind) }
    }

    static func addListPasswdAndDisable(_ kind: CentralStore) throws {
        let workspace = Workspace()
        let kantor = try workspace.central(kind)
        let added = try kantor.run(["user", "add", "dewi", "--role", "office", "--password-stdin"], stdin: "kain-batik-2026\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "User dewi (office) added\n")

        let list = try kantor.ok(["user", "list"])
        #expect(list.hasPrefix("dewi  office  created 20"), "\(list)")
        #expect(!list.contains("disabled") && !list.contains("$2"), "no hash is shown: \(list)")

        let short = try kantor.run(["user", "add", "budi", "--role", "admin", "--password-stdin"], stdin: "pendek\n")
        #expect(short.status == 1)
        #expect(short.stderr == "sentra: a password must be at least 10 characters; nothing was changed\n", "\(short.stderr)")
        #expect(try !kantor.ok(["user", "list"]).contains("budi"))

        let taken = try kantor.run(["user", "add", "DEWI", "--role", "admin", "--password-stdin"], stdin: "kain-batik-2026\n")
        #expect(taken.status == 1 && taken.stderr.contains("a user named dewi exists already"), "\(taken.stderr)")
        let enumerator = try kantor.run(["user", "add", "ani", "--role", "enumerator", "--password-stdin"], stdin: "kain-batik-2026\n")
        #expect(enumerator.status == 1 && enumerator.stderr.contains("--role must be office or admin"), "\(enumerator.stderr)")

        // Without --password-stdin, a stdin that is not a terminal gives one line.
        let passwd = try kantor.run(["user", "passwd", "Dewi"], stdin: "tenun-ikat-2027\n")
        #expect(passwd.status == 0, "\(passwd.stderr)")
        let shortPasswd = try kantor.run(["user", "passwd", "dewi", "--password-stdin"], stdin: "x\n")
        #expect(shortPasswd.status == 1)
        let unknown = try kantor.run(["user", "passwd", "ani", "--password-stdin"], stdin: "kain-batik-2026\n")
        #expect(unknown.status == 1 && unknown.stderr == "sentra: no user named ani\n", "\(unknown.stderr)")

        try kantor.ok(["user", "disable", "dewi"])
        let disabled = try kantor.ok(["user", "list"])
        #expect(disabled.contains("dewi  office  created ") && disabled.contains("  disabled 20"), "\(disabled)")
        let json = try #require(try kantor.run(["user", "list", "--json"]).json() as? [[String: Any]])
        #expect(json.count == 1 && json[0]["name"] as? String == "dewi" && json[0]["disabledAt"] is String)
        #expect(json[0]["passwordHash"] == nil)
        #expect(try kantor.run(["user", "disable", "ani"]).status == 1)
    }
}

extension SentraProcess {
    /// Runs `sentra ARGS --db DB` (or `--postgres URL`) with `input` on its stdin, and waits for it.
    func run(_ arguments: [String], stdin input: String) throws -> Result {
        let process = configured(arguments)
        let pipe = Pipe()
        process.standardInput = pipe
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
        return try process.runCapturingOutput()
    }
}
