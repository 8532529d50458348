/// One choice of a `choice` or `multichoice` field: the value stored, its label, and the extra
/// columns a `choice_filter` reads.
///
/// In a form file a choice is its name alone, or an object:
///
/// ```json
/// "choices": ["perorangan", "CV"]
/// "choices": [{"name": "kp-cikadu", "label": "Kp. Cikadu", "columns": {"desa": "Sindangmulya"}}]
/// ```
public struct Choice: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The value a record stores when this choice is picked.
    public var name: String
    public var label: LocalizedText?
    /// Other columns of the XLSForm `choices` sheet, by column name: what a field's
    /// `choice_filter` compares, as in `desa = ${desa}`.
    public var columns: [String: String]

    public init(_ name: String, label: LocalizedText? = nil, columns: [String: String] = [:]) {
        self.name = name
        self.label = label
        self.columns = columns
    }

    public init(stringLiteral name: String) {
        self.init(name)
    }
}

extension Choice: Codable {
    private enum CodingKeys: String, CodingKey { case name, label, columns }

    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self.init(name)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .name),
                  label: try container.decodeIfPresent(LocalizedText.self, forKey: .label),
                  columns: try container.decodeIfPresent([String: String].self, forKey: .columns) ?? [:])
    }

    public func encode(to encoder: any Encoder) throws {
        if label == nil && columns.isEmpty {
            var container = encoder.singleValueContainer()
            try container.encode(name)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(label, forKey: .label)
        if !columns.isEmpty { try container.encode(columns, forKey: .columns) }
    }
}
