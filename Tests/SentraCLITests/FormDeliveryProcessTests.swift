import Foundation
import Testing

/// Forms come from the office, between real processes: `form publish` on the node, `sentra sync`
/// on two devices, one of them through a supervisor's relay.
@Suite(.serialized) struct FormDeliveryProcessTests {
    /// The form as a JSON file: version 2 adds a required field and a product choice.
    static func formFile(_ workspace: Workspace, version: Int) -> String {
        let products = version >= 2 ? #"["kaos", "kemeja", "gamis"]"# : #"["kaos", "kemeja"]"#
        let nib = version >= 2
            ? #", {"name": "nib", "type": "text", "required": true, "constraint": "regex(., '^[0-9]{13}$')", "constraint_message": "NIB harus 13 digit"}"#
            : ""
        return workspace.write("usaha-v\(version).json", """
            {"name": "usaha", "version": \(version), "fields": [
              {"name": "nama", "type": "text", "required": true},
              {"name": "produk", "type": "choice", "choices": \(products)},
              {"name": "pekerja", "type": "integer", "constraint": ". >= 0 and . <= 500"}\(nib)]}
            """)
    }

    static func forms(_ replica: SentraProcess) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try replica.ok(["form", "list", "--json"]).utf8)) as? [[String: Any]] ?? []
    }

    /// `curl -X POST` of `file` to the node's forms route with `token`: the HTTP status.
    static func post(_ file: String, to url: String, token: String) throws -> Int {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H", "Authorization: Bearer \(token)",
                          "-H", "Content-Type: application/json", "--data-binary", "@\(file)", "\(url)/v1/surveys/ikm/forms"]
        let result = try curl.runCapturingOutput()
        return Int(result.stdout) ?? -1
    }

    @Test func officePublishesAndEveryDeviceGetsTheNewestVersion() throws {
        let workspace = Workspace()
        let central = try workspace.replica("kantor")
        let centralServer = try ServerProcess(central)
        let supervisor = try workspace.replica("supervisor")
        let supervisorServer = try ServerProcess(supervisor)
        let ani = try workspace.replica("tablet-ani")
        let budi = try workspace.replica("tablet-budi")
        let aniToken = try central.token(role: "enumerator", name: "tablet-ani")
        let supervisorToken = try central.token(role: "enumerator", name: "supervisor")
        let budiToken = try supervisor.token(role: "enumerator", name: "tablet-budi")

        try central.ok(["form", "publish", Self.formFile(workspace, version: 1)])
        try ani.sync(centralServer.url, token: aniToken)
        try supervisor.sync(centralServer.url, token: supervisorToken)
        try budi.sync(supervisorServer.url, token: budiToken)
        for device in [ani, budi] {
            let form = try #require(try Self.forms(device).first)
            #expect(form["version"] as? Int == 1 && form["source"] as? String == "received")
        }
        #expect(try Self.forms(budi).first?["origin"] as? String == "from kantor via supervisor")
        #expect(try budi.ok(["form", "list"]).contains("usaha\tversion 1\t3 fields\tfrom kantor via supervisor"))

        // Records under version 1, on both devices.
        try ani.ok(["record", "add", "--form", "usaha", "--id", "a-1", "nama=Konveksi Maju", "produk=kaos", "pekerja=12"])
        try budi.ok(["record", "add", "--form", "usaha", "--id", "b-1", "nama=Jahit Berkah", "produk=kemeja"])
        #expect(try ani.run(["record", "add", "--form", "usaha", "nama=Besar", "pekerja=900"]).stderr.contains("pekerja"))

        // A device's token cannot publish; a version that does not rise is refused and changes nothing.
        #expect(try Self.post(Self.formFile(workspace, version: 2), to: centralServer.url, token: aniToken) == 403)
        let same = try central.run(["form", "publish", Self.formFile(workspace, version: 1), "--json"])
        #expect(same.status == 1 && same.stdout.contains("stale_form_version"))
        try central.ok(["form", "publish", Self.formFile(workspace, version: 2)])
        #expect(try central.run(["form", "publish", Self.formFile(workspace, version: 1)]).status == 1)
        #expect(try Self.forms(central).first?["version"] as? Int == 2)

        // After their next sync, both devices check writes against version 2.
        let summary = try ani.sync(centralServer.url, token: aniToken)
        #expect(summary["formsUpdated"] as? [String: Int] == ["usaha": 2])
        try supervisor.sync(centralServer.url, token: supervisorToken)
        try budi.sync(supervisorServer.url, token: budiToken)
        for device in [ani, budi] {
            let missing = try device.run(["record", "add", "--form", "usaha", "nama=Baru", "produk=gamis"])
            #expect(missing.status == 1 && missing.stderr.contains("nib"), "\(missing.stderr)")
            let short = try device.run(["record", "add", "--form", "usaha", "nama=Baru", "produk=gamis", "nib=123"])
            #expect(short.status == 1 && short.stderr.contains("NIB harus 13 digit"), "\(short.stderr)")
            try device.ok(["record", "add", "--form", "usaha", "nama=Baru", "produk=gamis", "nib=3201234567890"])
        }
        // Records made under version 1 still sync, show and export.
        try budi.sync(supervisorServer.url, token: budiToken)
        try supervisor.sync(centralServer.url, token: supervisorToken)
        try ani.sync(centralServer.url, token: aniToken)
        #expect(try central.ok(["record", "show", "b-1", "--json"]).contains("\"nama\" : \"Jahit Berkah\""))
        #expect(try central.ok(["record", "show", "a-1", "--json"]).contains("\"pekerja\" : 12"))
        let csv = try central.ok(["export", "--format", "csv"])
        #expect(csv.contains("a-1,usaha,Konveksi Maju,kaos,12,") && csv.contains("b-1,usaha,Jahit Berkah,kemeja,,"), "\(csv)")
        #expect(try ani.convergentView() == central.convergentView())
    }
}

/// `sentra form publish` of a workbook outside the XLSForm subset: one line, exit 1, nothing changed.
@Suite struct FormRefusalProcessTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SentraXLSFormTests/Fixtures")

    @Test(arguments: [
        ("repeat.xlsx", "begin repeat"), ("image.xlsx", "image"), ("unknown_function.xlsx", "unknown function"),
        ("unknown_field.xlsx", "${"), ("missing_list.xlsx", "list"), ("not_xlsform.xlsx", "survey"),
        ("not_a_workbook.xlsx", "workbook"),
    ])
    func refusedWithOneLine(file: String, fragment: String) throws {
        let workspace = Workspace()
        let office = try workspace.replica("kantor")
        try office.ok(["form", "publish", Self.fixtures.appendingPathComponent("all_types.xlsx").path])
        let before = try office.ok(["form", "list", "--json"])
        let result = try office.run(["form", "publish", Self.fixtures.appendingPathComponent(file).path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("sentra: ") && lines[0].contains(file), "\(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
        #expect(try office.ok(["form", "list", "--json"]) == before)
        let corrupt = workspace.write("corrupt.xlsx", "PK\u{3}\u{4} not really a zip")
        let broken = try office.run(["form", "import", corrupt])
        #expect(broken.status == 1 && broken.stderr.split(separator: "\n").count == 1, "\(broken.stderr)")
    }
}
