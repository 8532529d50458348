import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
@testable import SentraWeb
import Synchronization
import Testing

/// Signing in and out of the office pages, and what keeps others out.
@Suite("Office sign-in")
struct SignInTests {
    @Test("the front page is the sign-in page: a password field named token, and a user name form")
    func frontPage() async throws {
        let fixture = try WebFixture(records: 2)
        try await fixture.withClient { client in
            var browser = Browser()
            let (response, page) = try await browser.get(client, "/")
            #expect(response.status == .ok)
            #expect(page.contains("<html lang=\"id\">"))
            #expect(page.contains(#"<input type="password" id="token" name="token""#))
            #expect(page.contains(#"<label for="token">Kode akses</label>"#))
            #expect(page.contains(#"name="user""#) && page.contains(#"name="password""#))
            #expect(browser.cookies["sentra_signin"] != nil)
        }
    }

    @Test("an office token signs in: an HttpOnly, SameSite=Strict cookie, then the dashboard")
    func officeToken() async throws {
        let fixture = try WebFixture(records: 2)
        try await fixture.withClient { client in
            var browser = Browser()
            let response = try await browser.signIn(client, token: fixture.officeToken)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/office/")
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("sentra_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let (home, _) = try await browser.get(client, "/office/")
            #expect(home.headers[.location] == "/office/s/\(WebFixture.survey)/")
            let (dashboard, page) = try await browser.get(client, "/office/s/\(WebFixture.survey)/")
            #expect(dashboard.status == .ok)
            #expect(page.contains("Ringkasan") && page.contains("meja-dewi"))
        }
    }

    @Test("cookies are Secure when the node serves HTTPS")
    func secureCookie() async throws {
        let fixture = try WebFixture(records: 1, secure: true)
        try await fixture.withClient { client in
            var browser = Browser()
            let response = try await browser.signIn(client, token: fixture.officeToken)
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("sentra_session=") } ?? ""
            #expect(cookie.contains("; Secure"))
        }
    }

    @Test("an enumerator token gets no session and no office page")
    func enumeratorToken() async throws {
        let fixture = try WebFixture(records: 1)
        try await fixture.withClient { client in
            var browser = Browser()
            let response = try await browser.signIn(client, token: fixture.enumeratorToken)
            #expect(response.status == .forbidden)
            #expect(browser.cookies["sentra_session"] == nil)
            #expect(String(buffer: response.body).contains("HP pencacah"))
            for path in ["/office/", "/office/s/\(WebFixture.survey)/", "/office/s/\(WebFixture.survey)/records",
                         "/office/s/\(WebFixture.survey)/conflicts", "/office/s/\(WebFixture.survey)/export"] {
                let (page, _) = try await browser.get(client, path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.headers[.location]?.hasPrefix("/") == true)
            }
            // The API's bearer route is no way around it either.
            let api = try await client.execute(uri: "/office/s/\(WebFixture.survey)/records", method: .get,
                                               headers: [.authorization: "Bearer \(fixture.enumeratorToken)"], body: nil)
            #expect(api.status == .seeOther)
        }
    }

    @Test("a wrong token is refused after a wait, and the wait grows")
    func wrongToken() async throws {
        let fixture = try WebFixture(records: 1)
        try await fixture.withClient { client in
            var browser = Browser()
            let start = ContinuousClock.now
            let response = try await browser.signIn(client, token: AccessToken.generate())
            #expect(response.status == .unauthorized)
            #expect(ContinuousClock.now - start >= .milliseconds(500))
            #expect(browser.cookies["sentra_session"] == nil)
        }
    }

    @Test("a sign-in post without the sign-in page's token is refused")
    func signInCSRF() async throws {
        let fixture = try WebFixture(records: 1)
        try await fixture.withClient { client in
            var browser = Browser()
            let (response, _) = try await browser.post(client, "/office/signin", [("token", fixture.officeToken)], csrf: false)
            #expect(response.status == .forbidden)
            #expect(browser.cookies["sentra_session"] == nil)
        }
    }

    @Test("sign-out ends the session: the old cookie opens nothing")
    func signOut() async throws {
        let fixture = try WebFixture(records: 1)
        try await fixture.asOffice { client, browser in
            let old = browser.cookies
            _ = try await browser.get(client, "/office/s/\(WebFixture.survey)/")
            let (response, _) = try await browser.post(client, "/office/signout", [])
            #expect(response.status == .seeOther)
            #expect(browser.cookies["sentra_session"] == nil)
            browser.cookies = old
            let (page, _) = try await browser.get(client, "/office/s/\(WebFixture.survey)/")
            #expect(page.status == .seeOther)
        }
    }

    @Test("a user made by an admin signs in with a password; a wrong password or a disabled user does not")
    func userSignIn() async throws {
        let fixture = try WebFixture(records: 1)
        try fixture.replica.addUser(OfficeUser(name: "dewi", role: "office", passwordHash: PasswordHash.make("kantor-cibarusah-1", cost: 4),
                                               createdAt: Date().ISO8601Format()))
        try await fixture.withClient { client in
            var browser = Browser()
            let wrong = try await browser.signIn(client, user: "dewi", password: "kantor-cibarusah-2")
            #expect(wrong.status == .unauthorized)
            #expect(browser.cookies["sentra_session"] == nil)
            let unknown = try await browser.signIn(client, user: "rina", password: "kantor-cibarusah-1")
            #expect(unknown.status == .unauthorized)

            let signedIn = try await browser.signIn(client, user: "Dewi", password: "kantor-cibarusah-1")
            #expect(signedIn.status == .seeOther)
            let (dashboard, page) = try await browser.get(client, "/office/s/\(WebFixture.survey)/")
            #expect(dashboard.status == .ok)
            #expect(page.contains("dewi"))

            try fixture.replica.disableUser(named: "dewi", at: Date())
            let (after, _) = try await browser.get(client, "/office/s/\(WebFixture.survey)/")
            #expect(after.status == .seeOther, "disabling a user ends their sessions")
            var again = Browser()
            let refused = try await again.signIn(client, user: "dewi", password: "kantor-cibarusah-1")
            #expect(refused.status == .unauthorized)
        }
    }

    @Test("a session ends when its time is up, and when its token is revoked")
    func sessionsEnd() async throws {
        let fixture = try WebFixture(records: 1)
        let now = Mutex(Date())
        try await fixture.withClient(settings: OfficeSettings(clock: { now.withLock { $0 } })) { client in
            var browser = Browser()
            _ = try await browser.signIn(client, token: fixture.officeToken)
            now.withLock { $0 += 8 * 3600 - 60 }
            #expect(try await browser.get(client, "/office/s/\(WebFixture.survey)/").0.status == .ok, "a minute before the 8 hours end")
            now.withLock { $0 += 120 }
            #expect(try await browser.get(client, "/office/s/\(WebFixture.survey)/").0.status == .seeOther, "a minute after")
        }
        try await fixture.asOffice { client, browser in
            #expect(try await browser.get(client, "/office/s/\(WebFixture.survey)/").0.status == .ok)
            try fixture.replica.revokeToken(named: "meja-dewi")
            #expect(try await browser.get(client, "/office/s/\(WebFixture.survey)/").0.status == .seeOther)
        }
    }

    @Test("the language switch: English in a cookie; signed in, it needs the session's CSRF token")
    func languageSwitch() async throws {
        let fixture = try WebFixture(records: 1)
        try await fixture.withClient { client in
            var browser = Browser()
            let (_, signInPage) = try await browser.get(client, "/")
            #expect(signInPage.contains(#"<form method="post" action="/office/language""#))
            let (switched, _) = try await browser.post(client, "/office/language", [("to", "en"), ("back", "/")], csrf: false)
            #expect(switched.status == .seeOther)
            #expect(browser.cookies["sentra_lang"] == "en")
            let (_, english) = try await browser.get(client, "/")
            #expect(english.contains("<html lang=\"en\">") && english.contains("Sign in"))

            _ = try await browser.signIn(client, token: fixture.officeToken)
            _ = try await browser.get(client, "/office/s/\(WebFixture.survey)/")
            let (forged, _) = try await browser.post(client, "/office/language", [("to", "id"), ("back", "/")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["sentra_lang"] == "en")
            let (back, _) = try await browser.post(client, "/office/language", [("to", "id"), ("back", "/office/")])
            #expect(back.status == .seeOther)
            #expect(browser.cookies["sentra_lang"] == "id")
        }
    }

    @Test("the throttle waits half a second, doubling to eight")
    func throttleDelays() {
        #expect((1...6).map(SignInThrottle.delay(afterFailures:)) == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
    }
}
