import Foundation

extension Browser {
    /// Where screenshots go: `<package root>/.build/screenshots/`.
    static let screenshotDirectory: URL = {
        // This file is <root>/Tests/SentraCLITests/Browser/Browser+Screenshot.swift.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent(".build/screenshots", isDirectory: true)
    }()

    /// Saves a PNG of the viewport as `<package root>/.build/screenshots/<name>.png` and returns its path.
    @discardableResult
    func screenshot(named name: String) async throws -> URL {
        guard let base64 = try await session.send("GET", "screenshot") as? String,
              let png = Data(base64Encoded: base64) else {
            throw BrowserError(.badResponse, "WebDriver returned no base64 screenshot")
        }
        let stem = name.hasSuffix(".png") ? String(name.dropLast(4)) : name
        let safe = String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        try FileManager.default.createDirectory(at: Self.screenshotDirectory, withIntermediateDirectories: true)
        let file = Self.screenshotDirectory.appendingPathComponent("\(safe).png")
        try png.write(to: file)
        return file
    }
}
