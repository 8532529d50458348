/// A section of a form: an XLSForm group. Fields name their section; a section may sit inside
/// another, and may be relevant only under a condition that then holds for every field in it.
///
/// ```json
/// {"name": "halal", "label": "Sertifikasi halal", "relevant": "${sektor} = 'pangan'"}
/// ```
public struct FormSection: Hashable, Sendable, Codable {
    public var name: String
    public var label: LocalizedText?
    /// An expression: the section's fields are asked only where it is true.
    public var relevant: String?
    /// The section this one sits in, if any.
    public var parent: String?

    public init(name: String, label: LocalizedText? = nil, relevant: String? = nil, parent: String? = nil) {
        self.name = name
        self.label = label
        self.relevant = relevant
        self.parent = parent
    }
}
