extension FormDefinition {
    /// Checks that the definition itself is usable: a valid name and version, unique valid field
    /// and section names, choices exactly where a field picks from them, a calculation exactly on
    /// `calculate` fields, defaults of the field's type, and expressions that parse and name
    /// only fields of the form.
    ///
    /// Errors carry ``CoreError/field`` and ``CoreError/property``, so a converter can point at
    /// the cell that holds the problem.
    public func validate() throws(CoreError) {
        guard FormDefinition.isValidName(name) else {
            throw CoreError(.invalidForm, "form name \"\(name)\" must be 1 to 64 letters, digits, \"_\" or \"-\"", property: "name")
        }
        guard version >= 1 else {
            throw invalid("version must be a whole number of at least 1, not \(version)", property: "version")
        }
        try validateSections()
        var seen = Set<String>()
        for field in fields {
            guard FieldName.isValidUserField(field.name) else {
                throw invalid("field name \"\(field.name)\" must be 1 to 64 letters, digits, \"_\" or \"-\", not starting with \"_\", and not \(FieldName.reservedList)",
                              field: field.name, property: "name")
            }
            guard seen.insert(field.name).inserted else {
                throw invalid("field \(field.name) is defined twice", field: field.name, property: "name")
            }
            try validate(field)
        }
        try validateExpressions()
    }

    private func validate(_ field: FieldDefinition) throws(CoreError) {
        func invalid(_ reason: String, _ property: FieldDefinition.CodingKeys) -> CoreError {
            self.invalid("field \(field.name) \(reason)", field: field.name, property: property.rawValue)
        }
        let choices = field.choices ?? []
        if field.type.hasChoices != !choices.isEmpty {
            throw choices.isEmpty
                ? invalid("of type \(field.type.rawValue) needs a list of choices", .choices)
                : invalid("has choices but is of type \(field.type.rawValue)", .choices)
        }
        var names = Set<String>()
        for choice in choices where !names.insert(choice.name).inserted || choice.name.isEmpty {
            throw invalid(choice.name.isEmpty ? "has a choice with no name" : "has the choice \"\(choice.name)\" twice", .choices)
        }
        if field.choiceFilter != nil && !field.type.hasChoices {
            throw invalid("has a choice_filter but no choices", .choiceFilter)
        }
        if (field.type == .calculate) != (field.calculation != nil) {
            throw field.type == .calculate
                ? invalid("of type calculate needs a calculation", .calculation)
                : invalid("has a calculation but is of type \(field.type.rawValue), not calculate", .calculation)
        }
        if !field.type.isInput {
            if field.required { throw invalid("is a \(field.type.rawValue) and cannot be required", .required) }
            if field.constraint != nil { throw invalid("is a \(field.type.rawValue) and cannot have a constraint", .constraint) }
            if field.defaultValue != nil { throw invalid("is a \(field.type.rawValue) and cannot have a default", .defaultValue) }
        }
        if let text = field.defaultValue {
            do {
                _ = try field.parse(text)
            } catch {
                throw invalid("has a default that does not fit: \(error.message)", .defaultValue)
            }
        }
        if let section = field.section, !sections.contains(where: { $0.name == section }) {
            throw invalid("is in section \(section), which the form does not define", .section)
        }
    }

    private func validateSections() throws(CoreError) {
        var seen = Set<String>()
        for section in sections {
            guard FormDefinition.isValidName(section.name), seen.insert(section.name).inserted else {
                throw invalid("section name \"\(section.name)\" must be unique and 1 to 64 letters, digits, \"_\" or \"-\"", property: "sections")
            }
            // Parents come first, so nesting cannot loop.
            if let parent = section.parent, !seen.contains(parent) || parent == section.name {
                throw invalid("section \(section.name) sits in section \(parent), which is not defined before it", property: "sections")
            }
        }
    }

    /// The sections `field` sits in, innermost first: at most as many as the form has, should
    /// parents loop.
    func sectionChain(of field: FieldDefinition) -> [String] {
        var chain: [String] = []
        var section = field.section
        while let name = section, chain.count < sections.count {
            chain.append(name)
            section = self.section(name)?.parent
        }
        return chain
    }

    /// The section named `name`, if the form has one.
    public func section(_ name: String) -> FormSection? {
        sections.first { $0.name == name }
    }
}

extension FormDefinition {
    /// Checks that every expression parses, reads only fields of the form, and, in a
    /// choice_filter, only columns its choices have.
    func validateExpressions() throws(CoreError) {
        let rules = try FormRules.compile(self)
        func check(_ expression: FormExpression?, field: String? = nil, section: String? = nil, property: String) throws(CoreError) {
            guard let expression else { return }
            if let unknown = expression.fieldReferences.first(where: { self.field($0) == nil }) {
                throw invalidExpression("reads ${\(unknown)}, which the form does not define", field: field, section: section, property: property)
            }
        }
        for section in sections {
            try check(rules.sectionRelevant[section.name], section: section.name, property: "relevant")
        }
        for field in fields {
            try check(rules.constraints[field.name], field: field.name, property: "constraint")
            try check(rules.relevant[field.name], field: field.name, property: "relevant")
            try check(rules.calculations[field.name], field: field.name, property: "calculation")
            try check(rules.choiceFilters[field.name], field: field.name, property: "choice_filter")
            if let filter = rules.choiceFilters[field.name] {
                let columns = Set((field.choices ?? []).flatMap(\.columns.keys)).union(["name"])
                if let unknown = filter.choiceColumns.first(where: { !columns.contains($0) }) {
                    throw invalidExpression("reads the column \(unknown), which its choices do not have", field: field.name, property: "choice_filter")
                }
            }
        }
    }
}

extension FormDefinition {
    /// An invalid-form error whose message is `form NAME: REASON`, with the reason kept apart.
    func invalid(_ reason: String, field: String? = nil, property: String?) -> CoreError {
        var error = CoreError(.invalidForm, "form \(name): \(reason)", field: field, property: property)
        error.reason = reason
        return error
    }

    /// An error in an expression of a field or a section: `form NAME: field F: PROPERTY REASON`.
    func invalidExpression(_ reason: String, field: String? = nil, section: String? = nil, property: String) -> CoreError {
        let subject = field.map { "field \($0)" } ?? section.map { "section \($0)" } ?? "form"
        var error = CoreError(.invalidForm, "form \(name): \(subject): \(property) \(reason)", field: field, property: property)
        error.section = section
        error.reason = reason
        return error
    }
}
