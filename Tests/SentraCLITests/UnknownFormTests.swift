import Foundation
import Testing

/// A typo in a form name must not skip validation: on a survey that defines forms, a new record of
/// a form it does not define is refused (`unknown_form`) unless `--schemaless` says it is meant.
/// Decision 0010.
@Suite struct UnknownFormTests {
    @Test func typoInTheFormNameIsRefused() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        let before = try Fixtures.snapshot(sentra)
        let result = try sentra.run(["record", "add", "--form", "usha", "--id", "typo-1", "pekerja=abc", "desa=Atlantis"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stderr.hasPrefix("sentra: ") && result.stderr.contains("no form \"usha\"") && result.stderr.contains("usaha"))
        #expect(result.stderr.contains("--schemaless"), "the CLI says how to write it anyway: \(result.stderr)")
        #expect(try Fixtures.snapshot(sentra) == before)
        let json = try sentra.run(["record", "add", "--form", "usha", "nama_usaha=x", "--json"])
        let error = (try json.json() as? [String: Any])?["error"] as? [String: Any]
        #expect(json.status == 1 && error?["code"] as? String == "unknown_form")
    }

    @Test func importOfAnUnknownFormIsRefused() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        let before = try Fixtures.snapshot(sentra)
        let file = workspace.write("rows.csv", "nama_usaha,pekerja\nUsaha Baru,abc\n")
        let result = try sentra.run(["record", "import", file, "--form", "usha"])
        #expect(result.status == 1 && result.stderr.contains("no form \"usha\""), "\(result.stderr)")
        #expect(try Fixtures.snapshot(sentra) == before)
    }

    @Test func schemalessFlagWritesAFormTheSurveyDoesNotDefine() throws {
        let workspace = Workspace()
        let sentra = try Fixtures.seededReplica(in: workspace)
        try sentra.ok(["record", "add", "--form", "catatan-lapangan", "--schemaless", "--id", "note-1", "isi=pintu tertutup"])
        let file = workspace.write("notes.ndjson", #"{"id": "note-2", "isi": "pemilik pindah"}"# + "\n")
        try sentra.ok(["record", "import", file, "--form", "catatan-lapangan", "--schemaless"])
        let records = try sentra.ok(["record", "list", "--form", "catatan-lapangan"])
        #expect(records.contains("note-1") && records.contains("note-2"))
        // The flag allows an undefined form; it does not switch off a defined form's checks.
        let checked = try sentra.run(["record", "add", "--form", "usaha", "--schemaless", "pekerja=abc"])
        #expect(checked.status == 1 && checked.stderr.contains("field"), "\(checked.stderr)")
    }

    @Test func surveyWithoutFormsStaysSchemaless() throws {
        let workspace = Workspace()
        let sentra = try workspace.replica("tablet")
        try sentra.ok(["record", "add", "--form", "usaha", "--id", "u1", "pekerja=abc"])
        let file = workspace.write("rows.csv", "nama_usaha\nUsaha Baru\n")
        try sentra.ok(["record", "import", file, "--form", "usaha"])
        #expect(try sentra.ok(["record", "show", "u1"]).contains("pekerja = abc"))
    }
}
