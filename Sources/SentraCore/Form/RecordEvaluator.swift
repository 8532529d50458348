/// Evaluates a form's expressions on one record: relevance, constraints, choice filters and
/// calculations, as ``FormDefinition/check(_:isNew:record:today:)`` needs them.
struct RecordEvaluator {
    let form: FormDefinition
    let rules: FormRules
    let today: String

    private func context(_ record: [String: FieldValue], current: FieldValue? = nil, choice: [String: String] = [:]) -> ExpressionContext {
        ExpressionContext(current: current, fields: record, choice: choice, today: today)
    }

    /// Whether `field` applies to `record`: its own `relevant` and those of every section it sits in.
    func isRelevant(_ field: FieldDefinition, record: [String: FieldValue]) -> Bool {
        if let rule = rules.relevant[field.name], !rule.evaluate(context(record, current: record[field.name])).boolean { return false }
        for name in form.sectionChain(of: field) {
            if let rule = rules.sectionRelevant[name], !rule.evaluate(context(record)).boolean { return false }
        }
        return true
    }

    /// The relevance conditions of `field`, for a message.
    func relevanceText(_ field: FieldDefinition) -> String {
        var texts = field.relevant.map { [$0] } ?? []
        var section = field.section
        while let name = section, let definition = form.section(name), texts.count <= form.sections.count {
            if let text = definition.relevant { texts.append(text) }
            section = definition.parent
        }
        return texts.joined(separator: " and ")
    }

    func checkConstraint(_ field: FieldDefinition, value: FieldValue, record: [String: FieldValue]) throws(CoreError) {
        guard let rule = rules.constraints[field.name], !rule.evaluate(context(record, current: value)).boolean else { return }
        let message = field.constraintMessage?.text(in: form.defaultLanguage)
            ?? "\(value.displayText) does not meet the constraint \(field.constraint!)"
        throw CoreError(.constraintFailed, "field \(field.name): \(message)", field: field.name, property: "constraint")
    }

    func checkChoiceFilter(_ field: FieldDefinition, value: FieldValue, record: [String: FieldValue]) throws(CoreError) {
        guard let rule = rules.choiceFilters[field.name] else { return }
        let names: [String] = switch value {
        case .string(let name): [name]
        case .array(let items): items.compactMap(\.stringValue)
        default: []
        }
        for name in names {
            guard let choice = field.choice(name) else { continue }
            var columns = choice.columns
            columns["name"] = choice.name
            if !rule.evaluate(context(record, current: value, choice: columns)).boolean {
                throw CoreError(.invalidValue, "field \(field.name): \"\(name)\" is not a choice here (choice_filter: \(field.choiceFilter!))",
                                field: field.name, property: "choice_filter")
            }
        }
    }

    /// Computes every `calculate` field, in form order, on `record`; a result that differs from
    /// the current value joins the write. A calculation that is not relevant is empty.
    func calculate(into written: inout [String: FieldValue], record: inout [String: FieldValue], current: [String: FieldValue]) {
        for position in rules.calculated {
            let field = form.fields[position]
            guard let rule = rules.calculations[field.name] else { continue }
            let value: FieldValue = isRelevant(field, record: record) ? Self.stored(rule.evaluate(context(record))) : .null
            record[field.name] = value.isNull ? nil : value
            if value != current[field.name] ?? .null { written[field.name] = value }
        }
    }

    /// A calculation's result as a field holds it: a number (not NaN or infinite), else text;
    /// empty text is no value.
    static func stored(_ value: ExpressionValue) -> FieldValue {
        switch value {
        case .number(let number): number.isFinite ? .number(number) : .null
        case .boolean(let flag): .bool(flag)
        case .string(let text): text.isEmpty ? .null : .string(text)
        }
    }
}

extension FieldValue {
    /// The value as a person reads it in a message: text unquoted, anything else as JSON.
    var displayText: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .integer(let number): String(number)
        case .decimal(let number): String(number)
        case .bool(let flag): String(flag)
        default: typeName
        }
    }
}
