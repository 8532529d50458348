extension FormDefinition {
    /// Whether a write needs the record's current values to be checked: the form has
    /// expressions (relevant, constraint, choice_filter, calculation) that may read them.
    public var hasRules: Bool { !(rules?.isEmpty ?? true) }

    /// Checks a local write and returns the values to store, typed, with what the form adds.
    ///
    /// - Each value must fit its field's type and choices; `note` and `calculate` fields cannot
    ///   be set.
    /// - A new record (`isNew`) gets each relevant field's `default` that the write does not give.
    /// - Every `calculate` field is computed on the record as the write leaves it; a changed
    ///   result is part of the write.
    /// - A field that is not relevant (its `relevant`, or its section's, is false) may not be set.
    /// - A value must make its field's `constraint` true, and a choice must pass the field's
    ///   `choice_filter`.
    /// - A required field counts only where it is relevant: on a new record it must have a value,
    ///   and an edit may not empty it.
    ///
    /// Errors name the field and give the form's own message in its default language.
    ///
    /// - Parameters:
    ///   - record: the record's current values (display winners), for an edit of a form with
    ///     ``hasRules``; empty for a new record.
    ///   - today: the local date, `YYYY-MM-DD`, for `today()`.
    public func check(_ values: [String: FieldValue], isNew: Bool, record current: [String: FieldValue] = [:],
                      today: String = "") throws(CoreError) -> [String: FieldValue] {
        var written: [String: FieldValue] = [:]
        written.reserveCapacity(values.count)
        do {
            for (name, value) in values { written[name] = try checkType(value, of: name) }
        } catch {
            // Name the first bad field in name order, whatever the dictionary's order.
            for (name, value) in values.sorted(by: { $0.key < $1.key }) { _ = try checkType(value, of: name) }
            throw error
        }
        guard let rules, !rules.isEmpty else {
            if isNew { try addDefaults(to: &written) }
            try checkRequired(written, record: written, isNew: isNew, relevance: nil)
            return written
        }
        var record = current
        record.reserveCapacity(current.count + written.count + rules.calculated.count)
        for (name, value) in written { record[name] = value.isNull ? nil : value }
        let evaluator = RecordEvaluator(form: self, rules: rules, today: today)
        if isNew { try addDefaults(to: &written, record: &record, evaluator: evaluator) }
        evaluator.calculate(into: &written, record: &record, current: current)
        // In name order, so that the first bad field is named whatever the dictionary's order;
        // only the fields whose rules may refuse a value.
        for name in written.keys.filter(rules.checked.contains).sorted() {
            let value = written[name]!
            guard !value.isNull else { continue }
            let field = field(name)!
            guard field.type.isInput else { continue }
            if !evaluator.isRelevant(field, record: record) {
                throw CoreError(.notRelevant, "field \(name) does not apply to this record (relevant: \(evaluator.relevanceText(field))); leave it empty",
                                field: name, property: "relevant")
            }
            try evaluator.checkConstraint(field, value: value, record: record)
            try evaluator.checkChoiceFilter(field, value: value, record: record)
        }
        try checkRequired(written, record: record, isNew: isNew, relevance: evaluator)
        return written
    }

    private func checkType(_ value: FieldValue, of name: String) throws(CoreError) -> FieldValue {
        // By position, not through a copy of the definition: this runs for every value written.
        guard let position = positions[name] else {
            _ = try definition(of: name)  // throws `unknownField`: the form has no such field
            return value
        }
        guard fields[position].type.isInput else {
            throw CoreError(.invalidValue, "field \(name) is a \(fields[position].type.rawValue) and cannot be set", field: name)
        }
        return try fields[position].check(value)
    }

    /// Adds the defaults of a new record's fields that the write leaves out (without rules).
    private func addDefaults(to written: inout [String: FieldValue]) throws(CoreError) {
        for field in fields where written[field.name] == nil {
            if let text = field.defaultValue { written[field.name] = try field.parse(text) }
        }
    }

    /// Adds the defaults of a new record's relevant fields that the write leaves out.
    private func addDefaults(to written: inout [String: FieldValue], record: inout [String: FieldValue],
                             evaluator: RecordEvaluator) throws(CoreError) {
        for position in evaluator.rules.withDefaults where written[fields[position].name] == nil {
            let field = fields[position]
            guard let text = field.defaultValue, evaluator.isRelevant(field, record: record) else { continue }
            let value = try field.parse(text)
            written[field.name] = value
            record[field.name] = value
        }
    }

    private func checkRequired(_ written: [String: FieldValue], record: [String: FieldValue], isNew: Bool,
                               relevance: RecordEvaluator?) throws(CoreError) {
        for position in rules?.required ?? Array(fields.indices) where fields[position].required {
            let field = fields[position]
            let emptied = written[field.name]?.isNull == true
            let missing = emptied || (isNew && (record[field.name] ?? .null).isNull)
            guard missing, relevance?.isRelevant(field, record: record) ?? true else { continue }
            if let message = field.requiredMessage?.text(in: defaultLanguage) {
                throw CoreError(.missingField, "field \(field.name): \(message)", field: field.name, property: "required")
            }
            throw CoreError(.missingField, emptied ? "field \(field.name) is required and cannot be empty" : "field \(field.name) is required by form \(name)",
                            field: field.name, property: "required")
        }
    }
}
