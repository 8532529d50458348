public import SentraCore

/// Field values for a local write, as typed text or as JSON values.
public enum FieldInput: Sendable {
    /// `FIELD=VALUE` text from the command line or a CSV cell, parsed by the field's type, or as a
    /// JSON literal when the form does not define it.
    case text([String: String])
    /// JSON values, checked against the field's type.
    case values([String: FieldValue])

    /// The field names given.
    public var fieldNames: [String] {
        switch self {
        case .text(let texts): Array(texts.keys)
        case .values(let values): Array(values.keys)
        }
    }

    /// The values to write, typed and checked by `form`, or read as schemaless when it is nil.
    ///
    /// - Parameters:
    ///   - record: the record's current values, read only when the form has expressions.
    ///   - today: the local date for `today()`, read only when the form has expressions.
    package func resolved(by form: FormDefinition?, isNew: Bool, record: () -> [String: FieldValue] = { [:] },
                  today: () -> String) throws -> [String: FieldValue] {
        do {
            guard let form else {
                if let bad = fieldNames.sorted().first(where: { !FieldName.isValidUserField($0) }) {
                    throw CoreError(.unknownField, "field name \"\(bad)\" must be 1 to 64 letters, digits, \"_\" or \"-\", not starting with \"_\", and not \(FieldName.reservedList)")
                }
                switch self {
                case .text(let texts): return texts.mapValues(FieldValue.parseLiteral)
                case .values(let values): return values
                }
            }
            let current = form.hasRules && !isNew ? record() : [:]
            let date = form.hasRules ? today() : ""
            switch self {
            case .text(let texts): return try form.check(try form.parse(texts), isNew: isNew, record: current, today: date)
            case .values(let values): return try form.check(values, isNew: isNew, record: current, today: date)
            }
        } catch let error as CoreError {
            throw StoreError(.invalidInput, error.message, underlying: error)
        }
    }
}
