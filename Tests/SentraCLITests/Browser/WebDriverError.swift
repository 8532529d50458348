import Foundation

/// A failure the WebDriver server reported: the JSON body `{"value": {"error": …, "message": …}}`.
///
/// Match on the code, never on the message, which is for people:
///
/// ```swift
/// do { try await element.click() }
/// catch let error as WebDriverError where error.code == .staleElementReference { … }
/// ```
struct WebDriverError: Error, CustomStringConvertible {
    /// A W3C WebDriver error code, such as `no such element` (WebDriver §6.6, "Errors").
    struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }
        var description: String { rawValue }

        static let elementClickIntercepted = Code(rawValue: "element click intercepted")
        static let elementNotInteractable = Code(rawValue: "element not interactable")
        static let invalidArgument = Code(rawValue: "invalid argument")
        static let invalidCookieDomain = Code(rawValue: "invalid cookie domain")
        static let invalidElementState = Code(rawValue: "invalid element state")
        static let invalidSelector = Code(rawValue: "invalid selector")
        static let invalidSessionID = Code(rawValue: "invalid session id")
        static let javascriptError = Code(rawValue: "javascript error")
        static let noSuchElement = Code(rawValue: "no such element")
        static let noSuchWindow = Code(rawValue: "no such window")
        static let scriptTimeout = Code(rawValue: "script timeout")
        static let sessionNotCreated = Code(rawValue: "session not created")
        static let staleElementReference = Code(rawValue: "stale element reference")
        static let timeout = Code(rawValue: "timeout")
        static let unableToSetCookie = Code(rawValue: "unable to set cookie")
        static let unexpectedAlertOpen = Code(rawValue: "unexpected alert open")
        static let unknownCommand = Code(rawValue: "unknown command")
        static let unknownError = Code(rawValue: "unknown error")
        static let unsupportedOperation = Code(rawValue: "unsupported operation")
    }

    /// What went wrong, as the server named it.
    let code: Code
    /// The server's explanation, for people.
    let message: String
    /// The HTTP status of the reply.
    let status: Int
    /// The command that failed, such as `POST /session/…/element`.
    let command: String

    var description: String {
        // Chromedriver appends the browser version after the first line; keep the message short.
        let firstLine = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message
        return "WebDriver \(command) failed (\(status) \(code)): \(firstLine)"
    }
}
