/// Reading the members of a JSON object, with one error for any that is missing or mistyped.
struct JSONMembers {
    let members: [String: FieldValue]
    let document: String

    init(_ json: FieldValue, document: String) throws(CoreError) {
        guard case .object(let members) = json else { throw CoreError(.malformed, "\(document) is not a JSON object") }
        self.members = members
        self.document = document
    }

    func integer(_ key: String) throws(CoreError) -> Int64 {
        guard case .integer(let value)? = members[key] else { throw missing(key) }
        return value
    }

    func string(_ key: String) throws(CoreError) -> String {
        guard let value = members[key]?.stringValue else { throw missing(key) }
        return value
    }

    func optionalString(_ key: String) throws(CoreError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw missing(key)
        }
    }

    func bool(_ key: String) throws(CoreError) -> Bool {
        guard case .bool(let value)? = members[key] else { throw missing(key) }
        return value
    }

    func array(_ key: String) throws(CoreError) -> [FieldValue] {
        guard case .array(let value)? = members[key] else { throw missing(key) }
        return value
    }

    func versionVector(_ key: String) throws(CoreError) -> VersionVector {
        guard let value = members[key].flatMap(VersionVector.init(json:)) else { throw missing(key) }
        return value
    }

    func missing(_ key: String) -> CoreError {
        CoreError(.malformed, "\(document): \"\(key)\" is missing or of the wrong type")
    }
}
