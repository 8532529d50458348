import Foundation

/// Photographs the page the browser shows at the office laptop's size and at a phone's, then
/// puts the window back: `PREFIX-NAME-1366x768.png` and `PREFIX-NAME-360x740.png` in the
/// browser's screenshot folder.
struct PageCamera {
    static let sizes = [(width: 1366, height: 768), (width: 360, height: 740)]
    let browser: Browser
    /// The start of each file's name: `office`, or another for the same pages on another store.
    var prefix = "office"

    /// Where the screenshots go (`.build/screenshots`).
    var folder: URL { Browser.screenshotDirectory }

    func photograph(_ name: String) async throws {
        for size in Self.sizes.reversed() {
            try await browser.setWindowSize(width: size.width, height: size.height)
            let file = try await browser.screenshot(named: "\(prefix)-\(name)-\(size.width)x\(size.height)")
            print("office pages: \(file.path)")
        }
    }
}
