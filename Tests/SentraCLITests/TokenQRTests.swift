import Foundation
import SentraQR
import Testing

/// `sentra token create --qr --url …` (issue 14): the enrolment link a phone's browser opens,
/// and its QR code, on a terminal and as SVG. The codes are read back with `zbarimg`
/// (Debian `zbar-tools`, which `.ci/run` installs).
@Suite struct TokenQRTests {
    // MARK: The link

    @Test func linkCarriesNodeTokenAndSurveyAndItsTokenSyncs() throws {
        let workspace = Workspace()
        let kantor = try workspace.replica("kantor")
        let server = try ServerProcess(kantor)
        defer { server.stop() }
        let created = try kantor.ok(["token", "create", "--name", "hp-ani", "--role", "enumerator", "--survey", "ikm",
                                     "--url", server.url + "/", "--qr", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any])
        let token = try #require(json["token"] as? String)
        let link = try #require(json["enrolURL"] as? String)
        #expect(json["qrSVG"] == nil, "no SVG was asked for: \(created)")

        let enrol = try Self.decode(link, node: server.url)
        #expect(enrol["node"] as? String == server.url, "the trailing slash is stripped")
        #expect(enrol["token"] as? String == token)
        #expect(enrol["survey"] as? String == "ikm")

        // The token in the link is the stored one: it is listed, and a device syncs with it.
        #expect(try kantor.ok(["token", "list"]).contains("hp-ani  enumerator  survey ikm"))
        let phone = try workspace.replica("hp-ani")
        try phone.ok(["record", "add", "--form", "usaha", "nama=Warung Ani"])
        try phone.sync(try #require(enrol["node"] as? String), token: try #require(enrol["token"] as? String))
        #expect(try kantor.ok(["record", "list"]).contains("Warung Ani"))
    }

    @Test func linkForEverySurveyHasANullSurvey() throws {
        let workspace = Workspace()
        let kantor = try workspace.replica("kantor")
        let created = try kantor.ok(["token", "create", "--name", "hp-budi", "--role", "enumerator",
                                     "--url", "https://kantor.example:8443", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any])
        let link = try #require(json["enrolURL"] as? String)
        let enrol = try Self.decode(link, node: "https://kantor.example:8443")
        #expect(enrol["survey"] is NSNull, "\(enrol)")
        #expect(enrol["token"] as? String == json["token"] as? String)
        // Nothing in the fragment a browser could misread: only encodeURIComponent's characters.
        let fragment = try #require(link.split(separator: "#enrol=", maxSplits: 1).last)
        #expect(fragment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.!~*'()%".contains($0)) }, "\(fragment)")
    }

    // MARK: Refusals, before anything is created

    @Test(arguments: [["--qr"], ["--qr-svg", "hp.svg"]])
    func qrWithoutURLCreatesNoToken(_ options: [String]) throws {
        let workspace = Workspace()
        let kantor = try workspace.replica("kantor")
        let result = try kantor.run(["token", "create", "--name", "hp-ani", "--role", "enumerator"] + options)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("sentra: ") && result.stderr.contains("needs --url"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try kantor.ok(["token", "list"]).contains("No tokens"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("hp.svg")))
    }

    @Test(arguments: [
        ("ftp://kantor.example", "https://"),
        ("kantor.example:8443", "https://"),
        ("https://kantor.example:8443/?survey=ikm", "query"),
        ("https://kantor.example:8443/#x", "fragment"),
        ("https://ani:rahasia@kantor.example", "password"),
        ("not a url", "URL"),
    ])
    func badURLIsRefused(_ url: String, _ mention: String) throws {
        let workspace = Workspace()
        let kantor = try workspace.replica("kantor")
        let result = try kantor.run(["token", "create", "--name", "hp-ani", "--role", "enumerator", "--qr", "--url", url])
        #expect(result.status == 1, "--url \(url) was accepted: \(result.stdout)")
        #expect(result.stderr.contains("--url") && result.stderr.contains(mention), "\(result.stderr)")
        #expect(try kantor.ok(["token", "list"]).contains("No tokens"))
    }

    // MARK: The codes decode to the link

    @Test func terminalCodeDecodesToTheLink() throws {
        let workspace = Workspace()
        let kantor = try workspace.replica("kantor")
        let result = try kantor.run(["token", "create", "--name", "hp-ani", "--role", "enumerator", "--survey", "ikm",
                                     "--qr", "--url", "https://kantor.example:8443"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try #require(lines.count > 4, "\(result.stdout)")
        let token = lines[0]
        let link = lines[1]
        #expect(token.hasPrefix("sentra_"), "the token alone on the first line: \(token)")
        #expect(link.hasPrefix("https://kantor.example:8443/field/#enrol="))
        #expect(lines.last!.contains("camera"), "\(lines.last!)")
        #expect(try Self.decode(link, node: "https://kantor.example:8443")["token"] as? String == token)

        let matrix = try Self.matrix(terminal: Array(lines[2..<(lines.count - 1)]))
        try Self.expectQRStructure(matrix)
        #expect(try Self.zbar(matrix, in: workspace) == link)
    }

    @Test func svgDecodesToTheLink() throws {
        let workspace = Workspace()
        let kantor = try workspace.replica("kantor")
        let svg = workspace.path("hp-ani.svg")
        let created = try kantor.ok(["token", "create", "--name", "hp-ani", "--role", "enumerator", "--survey", "ikm",
                                     "--qr-svg", svg, "--url", "http://192.168.43.1:8080", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any])
        #expect(json["qrSVG"] as? String == svg)
        let link = try #require(json["enrolURL"] as? String)
        let matrix = try Self.matrix(svg: try String(contentsOfFile: svg, encoding: .utf8))
        try Self.expectQRStructure(matrix)
        #expect(try Self.zbar(matrix, in: workspace) == link)
    }

    @Test func encodingIsDeterministicAndFollowsTheText() throws {
        let link = EnrolmentLink(node: "https://kantor.example:8443", token: "sentra_" + String(repeating: "ab", count: 32), survey: "ikm").url
        let first = try QRCode(text: link)
        let again = try QRCode(text: link)
        let other = try QRCode(text: link.replacingOccurrences(of: "ab", with: "ba"))
        #expect(first == again)
        #expect(first.size == 4 * first.version + 17)
        #expect(other.size == first.size)
        #expect(other != first)
        #expect(first.terminalText() == again.terminalText() && first.svg() == again.svg())
    }

    // MARK: Helpers

    /// The JSON in `link`'s fragment, after checking the part before it.
    static func decode(_ link: String, node: String) throws -> [String: Any] {
        let prefix = "\(node)/field/#enrol="
        #expect(link.hasPrefix(prefix), "\(link)")
        let encoded = String(link.dropFirst(prefix.count))
        let payload = try #require(encoded.removingPercentEncoding)
        return try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
    }

    /// Dark modules from the half-block lines: a glyph's lit halves are the light modules.
    static func matrix(terminal lines: [String]) throws -> [[Bool]] {
        let width = lines.first?.count ?? 0
        var rows: [[Bool]] = []
        for line in lines {
            let characters = Array(line)
            try #require(characters.count == width, "ragged line: \(line)")
            var top: [Bool] = []
            var bottom: [Bool] = []
            for character in characters {
                switch character {
                case "█": top.append(false); bottom.append(false)
                case "▀": top.append(false); bottom.append(true)
                case "▄": top.append(true); bottom.append(false)
                case " ": top.append(true); bottom.append(true)
                default: throw SentraProcess.Failure(message: "unexpected \(character) in the code")
                }
            }
            rows += [top, bottom]
        }
        // The side is odd: the last line's lower half is only margin.
        #expect(rows.count == width + 1, "\(rows.count) rows of \(width)")
        return Array(rows.prefix(width))
    }

    /// Dark modules from the SVG's `viewBox` and its path of runs `M x y h n v1 h-n z`.
    static func matrix(svg: String) throws -> [[Bool]] {
        let viewBox = try #require(svg.firstMatch(of: /viewBox="0 0 (\d+) (\d+)"/))
        let side = try #require(Int(viewBox.1))
        #expect(Int(viewBox.2) == side)
        var rows = Array(repeating: Array(repeating: false, count: side), count: side)
        for run in svg.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
            let (x, y, length) = (Int(run.1)!, Int(run.2)!, Int(run.3)!)
            #expect(Int(run.4) == length)
            for column in x..<(x + length) { rows[y][column] = true }
        }
        return rows
    }

    /// A light quiet zone of 4, a side of 4 × version + 17, and the three finder patterns.
    static func expectQRStructure(_ matrix: [[Bool]], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let quiet = 4
        let side = matrix.count - 2 * quiet
        #expect((side - 17) % 4 == 0 && (1...40).contains((side - 17) / 4), "side \(side)", sourceLocation: sourceLocation)
        for (y, row) in matrix.enumerated() {
            for (x, dark) in row.enumerated() where !(quiet..<(quiet + side)).contains(x) || !(quiet..<(quiet + side)).contains(y) {
                try #require(!dark, "module \(x),\(y) in the quiet zone is dark", sourceLocation: sourceLocation)
            }
        }
        // A finder: a dark 7 × 7 ring, a light ring inside it, a dark 3 × 3 centre.
        for (left, top) in [(0, 0), (side - 7, 0), (0, side - 7)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    let expected = ring != 2
                    #expect(matrix[quiet + top + dy][quiet + left + dx] == expected,
                            "finder at \(left),\(top): module \(dx),\(dy)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Writes `matrix` as a PBM, 4 pixels a module, and reads it with `zbarimg --raw`.
    static func zbar(_ matrix: [[Bool]], in workspace: Workspace) throws -> String {
        let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let zbarimg else {
            throw SentraProcess.Failure(message: "zbarimg is missing: install zbar-tools (apt-get install zbar-tools; .ci/run does it as root)")
        }
        let scale = 4
        var pbm = "P1\n\(matrix.count * scale) \(matrix.count * scale)\n"
        for row in matrix {
            let line = row.flatMap { Array(repeating: $0 ? "1" : "0", count: scale) }.joined(separator: " ")
            pbm += String(repeating: line + "\n", count: scale)
        }
        let file = workspace.write("code-\(UUID().uuidString.prefix(8)).pbm", pbm)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "--quiet", "--nodbus", file]
        let result = try process.runCapturingOutput()
        guard result.status == 0 else { throw SentraProcess.Failure(message: "zbarimg exited \(result.status): \(result.stderr)") }
        return result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
    }
}
