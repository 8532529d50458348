/// A record type in a survey, with its field definitions.
///
/// Forms are optional: a record whose form is not defined is stored schemaless. A defined form
/// types and validates the fields it defines, and refuses fields it does not define.
///
/// ```json
/// {"name": "usaha", "title": "IKM konveksi", "fields": [
///   {"name": "nama_usaha", "type": "text", "required": true},
///   {"name": "pekerja_perempuan", "type": "integer"}]}
/// ```
public struct FormDefinition: Hashable, Sendable, Codable {
    public var name: String
    public var title: String?
    public var fields: [FieldDefinition] {
        didSet { positions = Self.positions(of: fields) }
    }
    /// Where each field name first appears in ``fields``: a record of 40 fields is checked with 40
    /// lookups, not 40 scans.
    private var positions: [String: Int]

    public init(name: String, title: String? = nil, fields: [FieldDefinition]) {
        self.name = name
        self.title = title
        self.fields = fields
        positions = Self.positions(of: fields)
    }

    private enum CodingKeys: String, CodingKey {
        case name, title, fields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name), title: try container.decodeIfPresent(String.self, forKey: .title),
                  fields: try container.decode([FieldDefinition].self, forKey: .fields))
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

    /// Checks that the definition itself is usable: a valid name, unique valid field names, and
    /// choices for every choice field.
    public func validate() throws(CoreError) {
        guard FormDefinition.isValidName(name) else {
            throw CoreError(.invalidForm, "form name \"\(name)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
        }
        var seen = Set<String>()
        for field in fields {
            guard FieldName.isValidUserField(field.name) else {
                throw CoreError(.invalidForm, "form \(name): field name \"\(field.name)\" must be 1 to 64 letters, digits, \"_\" or \"-\", not starting with \"_\", and not id, form, conflict or deleted")
            }
            guard seen.insert(field.name).inserted else {
                throw CoreError(.invalidForm, "form \(name): field \(field.name) is defined twice")
            }
            let hasChoices = !(field.choices ?? []).isEmpty
            if (field.type == .choice || field.type == .multichoice) != hasChoices {
                throw CoreError(.invalidForm, hasChoices
                    ? "form \(name): field \(field.name) has choices but is of type \(field.type.rawValue)"
                    : "form \(name): field \(field.name) of type \(field.type.rawValue) needs a list of choices")
            }
        }
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
