import Foundation
import Testing

/// Drives a real headless Chromium against a small page, to check the WebDriver client the
/// browser tests use. These tests fail, not skip, when Chromium or chromedriver is missing.
@Suite(.serialized) struct BrowserSmokeTests {
    /// A labelled input, a button that writes the input into a paragraph, and a link.
    static let form = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Smoke form</title></head>
        <body>
          <form onsubmit="return false">
            <label for="name">Name</label>
            <input id="name" name="name" type="text">
            <button id="greet" type="button">Greet</button>
            <a id="next" href="/next">Next page</a>
          </form>
          <p id="out"></p>
          <script>
            document.getElementById('greet').addEventListener('click', () => {
              document.getElementById('out').textContent = 'Hello, ' + document.getElementById('name').value;
            });
            document.cookie = 'seen=yes; path=/; SameSite=Lax';
          </script>
        </body></html>
        """

    /// Fetches `/ping` from the page and reports `ok: <body>` or `failed: <error>`.
    static let ping = """
        const done = arguments[arguments.length - 1];
        fetch('/ping?' + Date.now(), {cache: 'no-store'})
          .then(r => r.text()).then(t => done('ok: ' + t), e => done('failed: ' + e));
        """

    static func server() throws -> PageServer {
        try PageServer(pages: [
            "/": .init(body: form, headers: ["Set-Cookie": "session=abc; Path=/; HttpOnly; SameSite=Strict"]),
            "/next": .init(body: "<!doctype html><title>Next</title><h1>Next</h1>"),
            "/ping": .init(body: "pong", contentType: "text/plain; charset=utf-8"),
        ])
    }

    @Test func typesClicksAndReadsText() async throws {
        let server = try Self.server()
        defer { server.stop() }
        try await Browser.with { browser in
            try await browser.go(to: server.url + "/")
            #expect(try await browser.title() == "Smoke form")
            #expect(try await browser.find(css: "label[for=name]").text() == "Name")
            let name = try await browser.find(css: "#name")
            try await name.type("Ani")
            try await browser.find(css: "#greet").click()
            #expect(try await browser.find(css: "#out").text() == "Hello, Ani")
            #expect(try await name.property("value") as? String == "Ani")
            #expect(try await name.attribute("type") == "text")
            #expect(try await browser.findAll(css: "form > *").count == 4)
            #expect(try await browser.pageSource().contains("Next page"))

            try await browser.find(css: "#next").click()
            try await browser.waitUntil("the next page") { try await browser.currentURL() == server.url + "/next" }
            #expect(try await browser.title() == "Next")

            let error = await #expect(throws: BrowserError.self) { try await browser.find(css: "#missing") }
            #expect(error?.code == .elementNotFound)
            #expect(error?.message.contains("#missing") == true)
            #expect(error?.message.contains(server.url + "/next") == true)
        }
    }

    @Test func tabMovesFocusAndEnterPressesTheButton() async throws {
        let server = try Self.server()
        defer { server.stop() }
        try await Browser.with { browser in
            try await browser.go(to: server.url + "/")
            let name = try await browser.find(css: "#name")
            try await name.type("Budi")
            #expect(try await browser.activeElement() == name)
            try await browser.press(Keys.tab)
            #expect(try await browser.activeElement() == browser.find(css: "#greet"))
            try await browser.press(Keys.enter)
            #expect(try await browser.find(css: "#out").text() == "Hello, Budi")
            try await browser.press(Keys.tab)
            #expect(try await browser.activeElement().attribute("id") == "next")
        }
    }

    @Test func readsAndWritesCookies() async throws {
        let server = try Self.server()
        defer { server.stop() }
        try await Browser.with { browser in
            try await browser.go(to: server.url + "/")
            let seen = try await browser.cookie(named: "seen")
            #expect(seen?.value == "yes")
            #expect(seen?.httpOnly == false)
            #expect(seen?.sameSite == "Lax")
            let session = try await browser.cookie(named: "session")
            #expect(session?.value == "abc")
            #expect(session?.httpOnly == true)
            #expect(session?.secure == false)
            #expect(session?.sameSite == "Strict")
            #expect(try await browser.execute("return document.cookie") as? String == "seen=yes")

            try await browser.addCookie(Cookie(name: "added", value: "1", path: "/"))
            #expect((try await browser.execute("return document.cookie") as? String)?.contains("added=1") == true)
            try await browser.deleteAllCookies()
            #expect(try await browser.cookies().isEmpty)
        }
    }

    @Test func screenshotIsAPNG() async throws {
        let server = try Self.server()
        defer { server.stop() }
        try await Browser.with { browser in
            try await browser.go(to: server.url + "/")
            let file = try await browser.screenshot(named: "browser-smoke")
            print("Screenshot: \(file.path)")
            let png = try Data(contentsOf: file)
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
    }

    @Test func offlineMakesFetchFail() async throws {
        let server = try Self.server()
        defer { server.stop() }
        try await Browser.with { browser in
            try await browser.go(to: server.url + "/")
            #expect(try await browser.executeAsync(Self.ping) as? String == "ok: pong")
            try await browser.setOffline(true)
            let offline = try await browser.executeAsync(Self.ping) as? String
            #expect(offline?.hasPrefix("failed: ") == true, "fetch while offline gave \(offline ?? "nil")")
            try await browser.setOffline(false)
            #expect(try await browser.executeAsync(Self.ping) as? String == "ok: pong")
            try await browser.setCPUThrottling(rate: 2)
            try await browser.setCPUThrottling(rate: 1)
        }
    }

    @Test func windowSizeReachesThePage() async throws {
        let server = try Self.server()
        defer { server.stop() }
        try await Browser.with(width: 1024, height: 700) { browser in
            try await browser.go(to: server.url + "/")
            #expect(try await browser.execute("return window.innerWidth") as? Int == 1024)
            try await browser.setWindowSize(width: 600, height: 500)
            try await browser.waitUntil("the page to be 600 pixels wide") {
                try await browser.execute("return window.innerWidth") as? Int == 600
            }
            #expect(try await browser.windowSize().width == 600)
        }
    }

    @Test func missingDriverSaysWhatToInstall() async throws {
        let error = await #expect(throws: BrowserError.self) {
            _ = try await Browser.launch(chromedriver: "/nonexistent/chromedriver")
        }
        #expect(error?.code == .notInstalled)
        #expect(error?.message.contains("apt-get install chromium chromium-driver") == true)
        #expect(error?.message.contains("/nonexistent/chromedriver") == true)
    }

    @Test func missingChromiumSaysWhatToInstall() async throws {
        let error = await #expect(throws: BrowserError.self) {
            _ = try await Browser.launch(chromium: "/nonexistent/chromium")
        }
        #expect(error?.code == .notInstalled)
        #expect(error?.message.contains("apt-get install chromium chromium-driver") == true)
    }
}
