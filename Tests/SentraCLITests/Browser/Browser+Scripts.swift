import Foundation

extension Browser {
    /// Runs `script` as the body of a function in the page and returns what it returns.
    ///
    /// `args` are the function's `arguments`: JSON values or ``Element``s. DOM elements in the
    /// result come back as ``Element``s, `undefined` and `null` as nil.
    ///
    /// ```swift
    /// let width = try await browser.execute("return window.innerWidth") as? Int
    /// ```
    @discardableResult
    func execute(_ script: String, args: [Any] = []) async throws -> Any? {
        let value = try await session.send("POST", "execute/sync", ["script": script, "args": args.map(Self.encode)])
        return decode(value)
    }

    /// Runs `script` with a callback as its last argument, and returns what the script passes to
    /// the callback. Times out (``WebDriverError/Code/scriptTimeout``) after 30 s.
    ///
    /// ```swift
    /// let text = try await browser.executeAsync("""
    ///     const done = arguments[arguments.length - 1];
    ///     fetch('/ping').then(r => r.text()).then(done, e => done('error: ' + e));
    ///     """)
    /// ```
    @discardableResult
    func executeAsync(_ script: String, args: [Any] = []) async throws -> Any? {
        let value = try await session.send("POST", "execute/async", ["script": script, "args": args.map(Self.encode)])
        return decode(value)
    }

    /// A script argument as JSON: elements become references.
    private static func encode(_ value: Any) -> Any {
        switch value {
        case let element as Element: element.reference
        case let array as [Any]: array.map(encode)
        case let object as [String: Any]: object.mapValues(encode)
        default: value
        }
    }

    /// A script result: element references become ``Element``s.
    private func decode(_ value: Any?) -> Any? {
        if let element = Element(reference: value, selector: nil, session: session) { return element }
        switch value {
        case let array as [Any]: return array.map { decode($0) ?? NSNull() }
        case let object as [String: Any]: return object.mapValues { decode($0) ?? NSNull() }
        default: return value
        }
    }
}
