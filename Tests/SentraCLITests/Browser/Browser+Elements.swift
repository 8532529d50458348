import Foundation

extension Browser {
    /// The first element that matches `css`, waiting up to ``implicitWait`` for it to appear.
    /// Throws ``BrowserError/Code/elementNotFound``, naming the selector and the page, when none does.
    func find(css: String) async throws -> Element {
        do {
            let value = try await session.send("POST", "element", ["using": "css selector", "value": css])
            guard let element = Element(reference: value, selector: css, session: session) else {
                throw BrowserError(.badResponse, "WebDriver found \(css) but returned no element reference: \(String(describing: value))")
            }
            return element
        } catch let error as WebDriverError where error.code == .noSuchElement {
            let url = (try? await currentURL()) ?? "?"
            throw BrowserError(.elementNotFound, "no element matches the CSS selector `\(css)` on \(url) (waited \(Self.implicitWait))")
        }
    }

    /// Every element that matches `css`; empty, after ``implicitWait``, when none does.
    func findAll(css: String) async throws -> [Element] {
        let values = try await session.send("POST", "elements", ["using": "css selector", "value": css]) as? [Any] ?? []
        return values.compactMap { Element(reference: $0, selector: css, session: session) }
    }

    /// The element that has keyboard focus (`document.activeElement`).
    func activeElement() async throws -> Element {
        let value = try await session.send("GET", "element/active")
        guard let element = Element(reference: value, selector: nil, session: session) else {
            throw BrowserError(.badResponse, "WebDriver returned no active element: \(String(describing: value))")
        }
        return element
    }

    /// Polls every 100 ms until an element matches `css`, and returns it.
    func waitFor(css: String, timeout: Duration = .seconds(10)) async throws -> Element {
        var found: Element?
        try await waitUntil(timeout: timeout, "an element matching `\(css)`") {
            let value = try await execute("return document.querySelector(arguments[0])", args: [css])
            found = (value as? Element).map { Element(id: $0.id, selector: css, session: session) }
            return found != nil
        }
        return found!
    }

    /// Polls `condition` every 100 ms until it is true; throws ``BrowserError/Code/timedOut``,
    /// naming `what` and the page, when `timeout` passes first.
    func waitUntil(timeout: Duration = .seconds(10), _ what: String = "a condition",
                   _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try await condition() { return }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let url = (try? await currentURL()) ?? "?"
        throw BrowserError(.timedOut, "waited \(timeout) for \(what) on \(url)")
    }
}
