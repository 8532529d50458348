import Foundation

/// A failure of the test browser itself, not one the WebDriver server reported
/// (those are ``WebDriverError``s).
struct BrowserError: Error, CustomStringConvertible {
    /// What kind of failure: callers match it in `catch`, the message is for people.
    struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }
        var description: String { rawValue }

        /// Chromium or chromedriver is not installed.
        static let notInstalled = Code(rawValue: "not installed")
        /// chromedriver did not start or did not become ready.
        static let driverDidNotStart = Code(rawValue: "driver did not start")
        /// No element matched a selector after the implicit wait.
        static let elementNotFound = Code(rawValue: "element not found")
        /// A polling wait ran out of time.
        static let timedOut = Code(rawValue: "timed out")
        /// The driver replied with something that is not the JSON WebDriver promises.
        static let badResponse = Code(rawValue: "bad response")
    }

    let code: Code
    let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    var description: String { message }

    /// The error for a missing program, with what to install.
    static func notInstalled(_ path: String, what: String) -> BrowserError {
        BrowserError(.notInstalled, """
            Browser tests need Chromium and chromedriver, but \(what) is missing at \(path). \
            Install them with `apt-get install chromium chromium-driver` (Debian), or run .ci/run as root, \
            which installs them. (Set SENTRA_CHROMIUM or SENTRA_CHROMEDRIVER to use other paths.)
            """)
    }
}
