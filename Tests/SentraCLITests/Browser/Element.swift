import Foundation

/// An element of the page, as WebDriver refers to it.
///
/// Two `Element`s are equal when they are the same node: the driver gives one node one reference,
/// so `try await browser.activeElement() == button` tests keyboard focus.
struct Element: Sendable, Equatable, CustomStringConvertible {
    /// The key WebDriver uses for element references in JSON (WebDriver §12.1, "Elements").
    static let referenceKey = "element-6066-11e4-a52e-4f735466cecf"

    /// The driver's reference to the node.
    let id: String
    /// The selector it was found by, for messages; nil when a script or the focus returned it.
    let selector: String?
    private let session: WebDriverClient

    init(id: String, selector: String?, session: WebDriverClient) {
        self.id = id
        self.selector = selector
        self.session = session
    }

    /// The element from a JSON reference `{"element-6066-…": id}`, if `value` is one.
    init?(reference value: Any?, selector: String?, session: WebDriverClient) {
        guard let id = (value as? [String: Any])?[Self.referenceKey] as? String else { return nil }
        self.init(id: id, selector: selector, session: session)
    }

    /// The JSON reference to pass the element to a script.
    var reference: [String: Any] { [Self.referenceKey: id] }

    static func == (lhs: Element, rhs: Element) -> Bool { lhs.id == rhs.id }

    var description: String { selector.map { "element \($0)" } ?? "element \(id)" }

    /// Clicks the element's centre, scrolling it into view first.
    func click() async throws {
        try await session.send("POST", "element/\(id)/click")
    }

    /// Types `text` into the element, focusing it first. ``Keys`` holds special keys such as Tab.
    func type(_ text: String) async throws {
        try await session.send("POST", "element/\(id)/value", ["text": text])
    }

    /// Empties an input or textarea.
    func clear() async throws {
        try await session.send("POST", "element/\(id)/clear")
    }

    /// The rendered text, as a person sees it.
    func text() async throws -> String {
        try await session.send("GET", "element/\(id)/text") as? String ?? ""
    }

    /// An HTML attribute as written in the markup, or nil when absent.
    func attribute(_ name: String) async throws -> String? {
        try await session.send("GET", "element/\(id)/attribute/\(name)") as? String
    }

    /// A DOM property, such as `value` or `checked`: a string, number, bool, array or dictionary.
    func property(_ name: String) async throws -> Any? {
        try await session.send("GET", "element/\(id)/property/\(name)")
    }

    /// Whether a checkbox, radio button or option is selected.
    func isSelected() async throws -> Bool {
        try await session.send("GET", "element/\(id)/selected") as? Bool ?? false
    }

    /// Whether the element is enabled (not `disabled`).
    func isEnabled() async throws -> Bool {
        try await session.send("GET", "element/\(id)/enabled") as? Bool ?? false
    }

    /// The lowercase tag name, such as `input`.
    func tagName() async throws -> String {
        (try await session.send("GET", "element/\(id)/name") as? String ?? "").lowercased()
    }

    /// The elements inside this one that match `css`.
    func findAll(css: String) async throws -> [Element] {
        let values = try await session.send("POST", "element/\(id)/elements", ["using": "css selector", "value": css]) as? [Any] ?? []
        return values.compactMap { Element(reference: $0, selector: css, session: session) }
    }
}
