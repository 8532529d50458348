import SentraStore

/// Parses `FIELD=VALUE` arguments.
enum FieldAssignments {
    /// The fields and their text, or an error naming the bad argument.
    static func parse(_ arguments: [String]) throws -> FieldInput {
        var texts: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw CLIError("malformed field assignment \"\(argument)\": expected FIELD=VALUE")
            }
            let field = String(argument[..<equals])
            guard texts[field] == nil else { throw CLIError("field \(field) is given twice") }
            texts[field] = String(argument[argument.index(after: equals)...])
        }
        return .text(texts)
    }
}
