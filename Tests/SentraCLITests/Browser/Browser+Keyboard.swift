import Foundation

/// WebDriver's special keys (WebDriver §17.4.2, "Keyboard actions"), to type or ``Browser/press(_:)``.
enum Keys {
    static let backspace = "\u{E003}"
    static let tab = "\u{E004}"
    static let enter = "\u{E007}"
    static let shift = "\u{E008}"
    static let escape = "\u{E00C}"
    static let space = "\u{E00D}"
    static let arrowLeft = "\u{E012}"
    static let arrowUp = "\u{E013}"
    static let arrowRight = "\u{E014}"
    static let arrowDown = "\u{E015}"
}

extension Browser {
    /// Presses and releases each key of `keys` in turn, on whatever has focus, as a person at the
    /// keyboard would: `try await browser.press(Keys.tab)`.
    func press(_ keys: String) async throws {
        var actions: [[String: Any]] = []
        for key in keys.unicodeScalars.map(String.init) {
            actions.append(["type": "keyDown", "value": key])
            actions.append(["type": "keyUp", "value": key])
        }
        try await session.send("POST", "actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }
}
