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
    public var sections: [FormSection]
    public var fields: [FieldDefinition] {
        didSet { positions = Self.positions(of: fields) }
    }
    /// Where each field name first appears in ``fields``: a record of 40 fields is checked with 40
    /// lookups, not 40 scans.
    private var positions: [String: Int]

    public init(name: String, title: String? = nil, version: Int64 = 1, defaultLanguage: String? = nil,
                sections: [FormSection] = [], fields: [FieldDefinition]) {
        self.name = name
        self.title = title
        self.version = version
        self.defaultLanguage = defaultLanguage
        self.sections = sections
        self.fields = fields
        positions = Self.positions(of: fields)
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
    public func policy(of field: String) -> ConflictPolicy {
        self.field(field)?.policy ?? .flag
    }

    /// Parses `FIELD=VALUE` text for each field, by its type.
    public func parse(_ texts: [String: String]) throws(CoreError) -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            values[name] = try definition(of: name).parse(text)
        }
        return values
    }

    /// Checks JSON values against their fields and returns them in stored form. On a new record
    /// (`isNew`), every required field must be present and not null; on an edit, a required field
    /// may not be set to null.
    public func check(_ values: [String: FieldValue], isNew: Bool) throws(CoreError) -> [String: FieldValue] {
        var checked: [String: FieldValue] = [:]
        checked.reserveCapacity(values.count)
        do {
            for (name, value) in values { checked[name] = try check(value, of: name) }
        } catch {
            // Name the first bad field in name order, whatever the dictionary's order.
            for (name, value) in values.sorted(by: { $0.key < $1.key }) { _ = try check(value, of: name) }
            throw error
        }
        if isNew, let missing = fields.first(where: { $0.required && checked[$0.name] == nil }) {
            throw CoreError(.missingField, "field \(missing.name) is required by form \(self.name)")
        }
        return checked
    }

    private func check(_ value: FieldValue, of name: String) throws(CoreError) -> FieldValue {
        let definition = try definition(of: name)
        if definition.required && value.isNull {
            throw CoreError(.missingField, "field \(name) is required and cannot be empty")
        }
        return try definition.check(value)
    }

    private func definition(of name: String) throws(CoreError) -> FieldDefinition {
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
