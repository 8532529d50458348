import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import SentraWeb
import Testing

/// The devices page (Perangkat): an admin adds an enumerator's device and sees its token, its
/// enrolment link and its QR code once; everything else is refused and creates nothing.
@Suite("Device page")
struct DevicePageTests {
    static let devices = "/office/s/\(WebFixture.survey)/devices"

    /// The value of the read-only input `id` on `page`, unescaped.
    static func field(_ id: String, in page: String) -> String? {
        guard let range = page.range(of: "id=\"\(id)\" readonly value=\"([^\"]*)\"", options: .regularExpression) else { return nil }
        return String(page[range].dropFirst("id=\"\(id)\" readonly value=\"".count).dropLast())
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The JSON in an enrolment link's fragment.
    static func enrolment(_ link: String) throws -> [String: Any] {
        let encoded = try #require(link.split(separator: "#enrol=", maxSplits: 1).last.map(String.init))
        let payload = try #require(encoded.removingPercentEncoding)
        return try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
    }

    @Test("an admin adds a device: its token is stored and works, and the page shows it once with a QR code of the link")
    func adminAddsADevice() async throws {
        let fixture = try WebFixture(records: 2)
        let before = try fixture.replica.tokens().count
        try await fixture.signedIn(token: fixture.adminToken) { client, browser in
            let (form, page) = try await browser.get(client, Self.devices)
            #expect(form.status == .ok)
            #expect(page.contains("<label for=\"device-name\">Nama perangkat</label>"))
            let (response, shown) = try await browser.post(client, Self.devices, [("name", " hp-ani ")])
            #expect(response.status == .created, "\(shown)")

            let stored = try #require(try fixture.replica.token(named: "hp-ani"))
            #expect(stored.role == "enumerator" && stored.survey == WebFixture.survey && stored.node == nil && stored.isActive)
            #expect(try fixture.replica.tokens().count == before + 1)
            let token = try #require(Self.field("enrol-token", in: shown))
            #expect(token.hasPrefix("sentra_") && AccessToken.hash(token) == stored.hash)

            let link = try #require(Self.field("enrol-link", in: shown))
            #expect(link.hasPrefix("http://localhost/field/#enrol="), "\(link)")
            let enrol = try Self.enrolment(link)
            #expect(enrol["node"] as? String == "http://localhost")
            #expect(enrol["token"] as? String == token)
            #expect(enrol["survey"] as? String == WebFixture.survey)

            #expect(shown.contains("<svg") && shown.contains("role=\"img\" aria-label=\"Kode QR pendaftaran untuk hp-ani\""))
            #expect(shown.contains("Buka kamera HP, arahkan ke kode QR."))
            #expect(shown.contains("Hanya ditampilkan sekali."))
            // localhost is this computer only: the page says a phone cannot reach it.
            #expect(shown.contains("id=\"loopback\""))
            #expect(try await QRReader.decode(svgIn: shown) == link)

            // The token opens the sync API for the survey, as any device's does.
            let state = try await client.execute(uri: "/v1/surveys/\(WebFixture.survey)/state", method: .get,
                                                 headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(state.status == .ok)

            // Not shown again: the devices page lists it as waiting, without its token.
            let (_, again) = try await browser.get(client, Self.devices)
            #expect(again.contains("<ul id=\"waiting\"><li>hp-ani"))
            #expect(!again.contains(token))
        }
    }

    @Test("with a public URL set, the link and its code carry it, in English when the clerk chose English")
    func publicURL() async throws {
        let fixture = try WebFixture(records: 1)
        try await fixture.signedIn(token: fixture.adminToken, settings: OfficeSettings(publicURL: "http://192.168.1.10:8080/")) { client, browser in
            _ = try await browser.get(client, Self.devices)
            _ = try await browser.post(client, "/office/language", [("to", "en"), ("back", Self.devices)])
            let (response, shown) = try await browser.post(client, Self.devices, [("name", "hp-budi")])
            #expect(response.status == .created)
            let link = try #require(Self.field("enrol-link", in: shown))
            #expect(link.hasPrefix("http://192.168.1.10:8080/field/#enrol="), "\(link)")
            #expect(try Self.enrolment(link)["node"] as? String == "http://192.168.1.10:8080")
            #expect(shown.contains("Open the phone&#39;s camera and point it at the QR code."))
            #expect(shown.contains("aria-label=\"Enrolment QR code for hp-budi\""))
            #expect(!shown.contains("id=\"loopback\""))
            #expect(try await QRReader.decode(svgIn: shown) == link)
        }
    }

    @Test("a post without the session's CSRF token is refused and creates nothing")
    func csrf() async throws {
        let fixture = try WebFixture(records: 1)
        let before = try fixture.replica.tokens()
        try await fixture.signedIn(token: fixture.adminToken) { client, browser in
            _ = try await browser.get(client, Self.devices)
            let (missing, _) = try await browser.post(client, Self.devices, [("name", "hp-ani")], csrf: false)
            #expect(missing.status == .forbidden)
            let (forged, page) = try await browser.post(client, Self.devices, [("name", "hp-ani"), ("csrf", "forged")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(page.contains("tanda keamanannya tidak cocok"))
            #expect(!page.contains("<svg"))
        }
        #expect(try fixture.replica.tokens() == before)
    }

    @Test("a name in use, or one that is not a name, gets a clear error and changes nothing")
    func refusedNames() async throws {
        let fixture = try WebFixture(records: 1)
        let before = try fixture.replica.tokens()
        try await fixture.signedIn(token: fixture.adminToken) { client, browser in
            _ = try await browser.get(client, Self.devices)
            // tab-ani is the fixture's enumerator token.
            let (taken, page) = try await browser.post(client, Self.devices, [("name", "tab-ani")])
            #expect(taken.status == .conflict)
            #expect(page.contains("Sudah ada perangkat atau kode akses bernama tab-ani. Pilih nama lain"), "\(page)")
            #expect(page.contains("aria-invalid=\"true\"") && page.contains("value=\"tab-ani\""))
            #expect(!page.contains("<svg"))
            for bad in ["hp ani", "hp/ani", "", String(repeating: "a", count: 65)] {
                let (refused, text) = try await browser.post(client, Self.devices, [("name", bad)])
                #expect(refused.status == .unprocessableContent, "\(bad)")
                #expect(text.contains("id=\"device-name-error\""), "\(bad)")
                #expect(!text.contains("<svg"))
            }
        }
        #expect(try fixture.replica.tokens() == before)
    }

    @Test("an office session sees why it cannot add devices, and its post creates nothing")
    func officeMayNot() async throws {
        let fixture = try WebFixture(records: 1)
        let before = try fixture.replica.tokens()
        try await fixture.asOffice { client, browser in
            let (response, page) = try await browser.get(client, Self.devices)
            #expect(response.status == .ok)
            #expect(page.contains("Hanya admin yang bisa menambah perangkat"))
            #expect(!page.contains("id=\"device-name\""))
            let (post, refused) = try await browser.post(client, Self.devices, [("name", "hp-ani")])
            #expect(post.status == .forbidden)
            #expect(refused.contains("Hanya admin yang bisa menambah perangkat"))
        }
        #expect(try fixture.replica.tokens() == before)
    }

    @Test("the dashboard's device list links to the devices page, and so does the menu")
    func dashboardLinks() async throws {
        let fixture = try WebFixture(records: 1)
        try await fixture.asOffice { client, browser in
            let (_, page) = try await browser.get(client, "/office/s/\(WebFixture.survey)/")
            #expect(page.contains("<a href=\"\(Self.devices)#add\">Tambah perangkat</a>"))
            #expect(page.contains("<a href=\"\(Self.devices)\">Perangkat</a>"))
        }
    }
}
