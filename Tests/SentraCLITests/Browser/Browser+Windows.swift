import Foundation

extension Browser {
    /// Where files the page downloads are saved.
    var downloadDirectory: URL { directory.appendingPathComponent("downloads", isDirectory: true) }

    /// Opens a new tab, switches to it and returns its handle.
    @discardableResult
    func openTab() async throws -> String {
        let reply = try await session.send("POST", "window/new", ["type": "tab"]) as? [String: Any]
        guard let handle = reply?["handle"] as? String else {
            throw BrowserError(.badResponse, "WebDriver opened a tab without a handle: \(String(describing: reply))")
        }
        try await switchToTab(handle)
        return handle
    }

    /// The handle of the tab commands go to.
    func currentTab() async throws -> String {
        guard let handle = try await session.send("GET", "window") as? String else {
            throw BrowserError(.badResponse, "WebDriver returned no window handle")
        }
        return handle
    }

    /// Sends commands to the tab `handle`.
    func switchToTab(_ handle: String) async throws {
        try await session.send("POST", "window", ["handle": handle])
    }

    /// Closes the current tab, as a person closing it does: its scripts stop where they are.
    func closeTab() async throws {
        try await session.send("DELETE", "window")
    }
}
