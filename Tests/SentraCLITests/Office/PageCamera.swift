import Foundation

/// Photographs the page the browser shows at the office laptop's size and at a phone's, then
/// puts the window back: `office-NAME-1366x768.png` and `office-NAME-360x740.png` in the
/// browser's screenshot folder.
struct PageCamera {
    static let sizes = [(width: 1366, height: 768), (width: 360, height: 740)]
    let browser: Browser

    /// Where the screenshots go (`.build/screenshots`).
    var folder: URL { Browser.screenshotDirectory }

    func photograph(_ name: String) async throws {
        for size in Self.sizes.reversed() {
            try await browser.setWindowSize(width: size.width, height: size.height)
            let file = try await browser.screenshot(named: "office-\(name)-\(size.width)x\(size.height)")
            print("office pages: \(file.path)")
        }
    }
}
