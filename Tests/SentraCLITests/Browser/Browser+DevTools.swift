import Foundation

extension Browser {
    /// Sends a Chrome DevTools Protocol command to the page, through chromedriver's
    /// `POST /session/{id}/goog/cdp/execute`, and returns its result.
    ///
    /// ```swift
    /// try await browser.cdp("Emulation.setCPUThrottlingRate", ["rate": 4])
    /// ```
    @discardableResult
    func cdp(_ command: String, _ params: [String: Any] = [:]) async throws -> [String: Any] {
        try await session.send("POST", "goog/cdp/execute", ["cmd": command, "params": params]) as? [String: Any] ?? [:]
    }

    /// Cuts the page off the network (`fetch` fails, as with no signal) or reconnects it.
    func setOffline(_ offline: Bool) async throws {
        try await cdp("Network.enable")
        try await cdp("Network.emulateNetworkConditions", [
            "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1,
        ])
    }

    /// Slows the page's CPU `rate` times, as on a cheap phone; 1 is full speed.
    func setCPUThrottling(rate: Double) async throws {
        try await cdp("Emulation.setCPUThrottlingRate", ["rate": rate])
    }
}

extension Browser {
    /// Slows the page's downloads to `bytesPerSecond`, as on a weak signal.
    func setDownloadThrottle(bytesPerSecond: Int) async throws {
        try await cdp("Network.enable")
        try await cdp("Network.emulateNetworkConditions", [
            "offline": false, "latency": 0, "downloadThroughput": bytesPerSecond, "uploadThroughput": -1,
        ])
    }
}
