import Foundation

extension Browser {
    /// Loads `url` and waits until the page has loaded.
    func go(to url: String) async throws {
        try await session.send("POST", "url", ["url": url])
    }

    /// The address of the page shown now.
    func currentURL() async throws -> String {
        try await session.send("GET", "url") as? String ?? ""
    }

    /// The page's `<title>`.
    func title() async throws -> String {
        try await session.send("GET", "title") as? String ?? ""
    }

    /// The page's HTML as the DOM serialises it now.
    func pageSource() async throws -> String {
        try await session.send("GET", "source") as? String ?? ""
    }

    /// Goes back in history.
    func back() async throws {
        try await session.send("POST", "back")
    }

    /// Reloads the page.
    func refresh() async throws {
        try await session.send("POST", "refresh")
    }

    /// Resizes the outer window to `width`×`height`.
    func setWindowSize(width: Int, height: Int) async throws {
        try await session.send("POST", "window/rect", ["width": width, "height": height])
    }

    /// The outer window's size.
    func windowSize() async throws -> (width: Int, height: Int) {
        let rect = try await session.send("GET", "window/rect") as? [String: Any] ?? [:]
        return ((rect["width"] as? NSNumber)?.intValue ?? 0, (rect["height"] as? NSNumber)?.intValue ?? 0)
    }
}
