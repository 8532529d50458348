/// A record type in a survey, with its version, sections and field definitions.
///
/// A defined form types and validates the fields it defines on local writes, and refuses fields
/// it does not define. The office publishes forms; a higher version replaces a lower one
/// (Docs/forms.md).
///
/// ```json
/// {"name": "usaha", "title": "IKM konveksi", "version": 3, "fields": [
///   {"name": "nama_usaha", "type": "text", "required": true},
///   {"name": "pekerja_perempuan", "type": "integer", "constraint": ". >= 0 and . <= 500"}]}
/// ```
public struct FormDefinition: Hashable, Sendable, Codable {
    public var name: String
    public var title: String?
    /// Raised by each publish; a form file without one is version 1.
    public var version: Int64
    /// The language of the texts shown by default, and of error messages: one of the keys of
    /// the fields' ``LocalizedText``, such as `Indonesian (id)`.
    public var defaultLanguage: String?
    /// The form's sections (XLSForm groups), in order.
    public var fields: [FieldDefinition] {
        didSet { update() }
    }
    public var sections: [FormSection] {
        didSet { update() }
    }
    /// Where each field name first appears in ``fields``: a record of 40 fields is checked with 40
    /// lookups, not 40 scans.
    private(set) var positions: [String: Int]
    /// The parsed expressions; nil when one does not parse (``validate()`` says which).
    private(set) var rules: FormRules?

    public init(name: String, title: String? = nil, version: Int64 = 1, defaultLanguage: String? = nil,
                sections: [FormSection] = [], fields: [FieldDefinition]) {
        self.name = name
        self.title = title
        self.version = version
        self.defaultLanguage = defaultLanguage
        self.sections = sections
        self.fields = fields
        positions = Self.positions(of: fields)
        rules = nil
        update()
    }

    private mutating func update() {
        positions = Self.positions(of: fields)
        rules = try? FormRules.compile(self)
    }

    private enum CodingKeys: String, CodingKey {
        case name, title, version, sections, fields
        case defaultLanguage = "default_language"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name), title: try container.decodeIfPresent(String.self, forKey: .title),
                  version: try container.decodeIfPresent(Int64.self, forKey: .version) ?? 1,
                  defaultLanguage: try container.decodeIfPresent(String.self, forKey: .defaultLanguage),
                  sections: try container.decodeIfPresent([FormSection].self, forKey: .sections) ?? [],
                  fields: try container.decode([FieldDefinition].self, forKey: .fields))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(defaultLanguage, forKey: .defaultLanguage)
        if !sections.isEmpty { try container.encode(sections, forKey: .sections) }
        try container.encode(fields, forKey: .fields)
    }

    private static func positions(of fields: [FieldDefinition]) -> [String: Int] {
        Dictionary(fields.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The definition of `field`, if the form has one.
    public func field(_ name: String) -> FieldDefinition? {
        positions[name].map { fields[$0] }
    }

    /// The conflict policy of `field`: its own, or `flag` for fields the form does not define.
    /// A `calculate` field is always `lww`: it follows its inputs, whose conflicts are the ones to
    /// resolve, and a resolve computes it again.
    public func policy(of field: String) -> ConflictPolicy {
        guard let definition = self.field(field) else { return .flag }
        return definition.type == .calculate ? .lww : definition.policy
    }

    /// Parses `FIELD=VALUE` text for each field, by its type.
    public func parse(_ texts: [String: String]) throws(CoreError) -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            values[name] = try definition(of: name).parse(text)
        }
        return values
    }

    func definition(of name: String) throws(CoreError) -> FieldDefinition {
        guard let definition = field(name) else {
            throw CoreError(.unknownField, "field \(name) is not defined by form \(self.name)")
        }
        return definition
    }

    /// Whether `name` may name a form or a survey: 1 to 64 characters from `[A-Za-z0-9_-]`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "_"), name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
    }
}
