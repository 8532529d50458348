import Foundation
import Synchronization

/// A real headless Chromium, driven through chromedriver over the W3C WebDriver protocol.
///
/// Every test that launches one must quit it, also when the test fails:
///
/// ```swift
/// let browser = try await Browser.launch()
/// do {
///     try await browser.go(to: server.url)
///     try await browser.find(css: "#name").type("Ani")
/// } catch {
///     await browser.quit()
///     throw error
/// }
/// await browser.quit()
/// ```
///
/// or, shorter, ``Browser/with(width:height:_:)``. A missing Chromium or chromedriver is an error,
/// never a skip: the error says what to install.
final class Browser: Sendable {
    /// The session's commands, rooted at `/session/{id}`.
    let session: WebDriverClient
    /// The session's id.
    let sessionID: String
    private let driver: ChromeDriverProcess
    let directory: URL
    private let quitted = Mutex(false)

    /// How long `find(css:)` waits for an element to appear.
    static let implicitWait: Duration = .seconds(10)

    /// The Chromium binary: `$SENTRA_CHROMIUM` or `/usr/bin/chromium`.
    static var defaultChromium: String { ProcessInfo.processInfo.environment["SENTRA_CHROMIUM"] ?? "/usr/bin/chromium" }
    /// The driver binary: `$SENTRA_CHROMEDRIVER` or `/usr/bin/chromedriver`.
    static var defaultChromedriver: String { ProcessInfo.processInfo.environment["SENTRA_CHROMEDRIVER"] ?? "/usr/bin/chromedriver" }

    private init(session: WebDriverClient, sessionID: String, driver: ChromeDriverProcess, directory: URL) {
        self.session = session
        self.sessionID = sessionID
        self.driver = driver
        self.directory = directory
    }

    /// Starts chromedriver and a headless Chromium with a fresh profile, a window of
    /// `width`×`height`, and a ``implicitWait`` for finding elements.
    ///
    /// Waits first for a ``BrowserSlots`` slot, so few Chromiums run at once. Throws
    /// ``BrowserError/Code/notInstalled`` when either program is missing.
    static func launch(width: Int = 1366, height: Int = 768,
                       chromium: String = Browser.defaultChromium,
                       chromedriver: String = Browser.defaultChromedriver) async throws -> Browser {
        for (path, what) in [(chromedriver, "chromedriver"), (chromium, "Chromium")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            throw BrowserError.notInstalled(path, what: what)
        }
        await BrowserSlots.shared.acquire()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-browser-\(UUID().uuidString)")
        var driver: ChromeDriverProcess?
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("profile"), withIntermediateDirectories: true)
            let started = try ChromeDriverProcess(driver: chromedriver, log: directory.appendingPathComponent("chromedriver.log"))
            driver = started
            let root = WebDriverClient(root: "http://127.0.0.1:\(started.port)")
            try await waitUntilReady(root, started)
            let reply = try await root.send("POST", "session", ["capabilities": ["alwaysMatch": [
                "browserName": "chrome",
                "goog:chromeOptions": [
                    "binary": chromium,
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--window-size=\(width),\(height)", "--no-first-run", "--no-default-browser-check",
                             "--user-data-dir=\(directory.appendingPathComponent("profile").path)"],
                    // Files a page saves land in ``downloadDirectory``, without asking.
                    "prefs": ["download.default_directory": directory.appendingPathComponent("downloads").path,
                              "download.prompt_for_download": false] as [String: Any],
                ] as [String: Any],
            ] as [String: Any]]])
            guard let id = (reply as? [String: Any])?["sessionId"] as? String else {
                throw BrowserError(.badResponse, "chromedriver created a session without an id: \(String(describing: reply))")
            }
            let session = root.appending("session/\(id)")
            let browser = Browser(session: session, sessionID: id, driver: started, directory: directory)
            try await session.send("POST", "timeouts", ["implicit": Self.implicitWait.milliseconds, "script": 30_000, "pageLoad": 60_000])
            return browser
        } catch {
            await driver?.stop()
            try? FileManager.default.removeItem(at: directory)
            await BrowserSlots.shared.release()
            throw error
        }
    }

    /// Polls `GET /status` until the driver is ready, for up to 30 s.
    private static func waitUntilReady(_ root: WebDriverClient, _ driver: ChromeDriverProcess) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        var last = "no answer"
        while ContinuousClock.now < deadline {
            do {
                if try await root.isReady() { return }
                last = "answered not ready"
            } catch {
                last = "\(error)"
            }
            guard driver.isRunning else {
                throw BrowserError(.driverDidNotStart, "chromedriver exited before it was ready:\n\(driver.logTail())")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BrowserError(.driverDidNotStart, "chromedriver on port \(driver.port) was not ready after 30 s (\(last)):\n\(driver.logTail())")
    }

    /// Launches a browser, runs `body` with it, and quits it whether `body` throws or not.
    static func with<T>(width: Int = 1366, height: Int = 768, _ body: (Browser) async throws -> T) async throws -> T {
        let browser = try await launch(width: width, height: height)
        do {
            let result = try await body(browser)
            await browser.quit()
            return result
        } catch {
            await browser.quit()
            throw error
        }
    }

    /// Ends the session, stops chromedriver and Chromium, and removes the profile. Safe to call twice.
    func quit() async {
        guard markQuitted() else { return }
        _ = try? await session.send("DELETE", "")
        await driver.stop()
        try? FileManager.default.removeItem(at: directory)
        await BrowserSlots.shared.release()
    }

    /// True the first time only.
    private func markQuitted() -> Bool {
        quitted.withLock { quitted in defer { quitted = true }; return !quitted }
    }

    /// A browser nobody quit still stops its processes (the driver's watchdog kills Chromium) and
    /// frees its slot.
    deinit {
        guard markQuitted() else { return }
        driver.stopNow()
        try? FileManager.default.removeItem(at: directory)
        Task { await BrowserSlots.shared.release() }
    }
}

extension Duration {
    /// Whole milliseconds, as WebDriver's timeouts take them.
    var milliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
