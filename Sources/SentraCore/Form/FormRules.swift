/// A form's expressions, parsed once when the definition is made: what a write is checked by.
///
/// Keyed by field name (sections by section name). A form whose expressions do not all parse
/// has no rules; ``FormDefinition/validate()`` says which one is wrong.
struct FormRules: Hashable, Sendable {
    var constraints: [String: FormExpression] = [:]
    var relevant: [String: FormExpression] = [:]
    var sectionRelevant: [String: FormExpression] = [:]
    var choiceFilters: [String: FormExpression] = [:]
    var calculations: [String: FormExpression] = [:]
    /// The fields a written value may fail beyond its type: those with a constraint or a choice
    /// filter, or that may not apply (a `relevant` of their own or of a section they sit in). A
    /// write looks at no other field's rules.
    var checked: Set<String> = []
    /// Positions in the form's fields of those that have a default, are required, or are calculated.
    var withDefaults: [Int] = []
    var required: [Int] = []
    var calculated: [Int] = []

    /// Whether the form has no expression at all: a write then needs no look at the record.
    var isEmpty: Bool {
        constraints.isEmpty && relevant.isEmpty && sectionRelevant.isEmpty && choiceFilters.isEmpty && calculations.isEmpty
    }

    /// Parses every expression of `form`.
    ///
    /// - Throws: ``CoreError`` `.invalidForm` naming the field (or section) and the property.
    static func compile(_ form: FormDefinition) throws(CoreError) -> FormRules {
        var rules = FormRules()
        for section in form.sections {
            if let text = section.relevant {
                rules.sectionRelevant[section.name] = try parse(text, kind: .field, form: form, section: section.name, property: "relevant")
            }
        }
        let relevantSections = Set(rules.sectionRelevant.keys)
        for (position, field) in form.fields.enumerated() {
            if field.defaultValue != nil { rules.withDefaults.append(position) }
            if field.required { rules.required.append(position) }
            if field.type == .calculate { rules.calculated.append(position) }
            if field.constraint != nil || field.choiceFilter != nil || field.relevant != nil
                || form.sectionChain(of: field).contains(where: relevantSections.contains) {
                rules.checked.insert(field.name)
            }
            func parse(_ text: String?, _ property: FieldDefinition.CodingKeys, kind: FormExpression.Kind = .field) throws(CoreError) -> FormExpression? {
                guard let text else { return nil }
                return try FormRules.parse(text, kind: kind, form: form, field: field.name, property: property.rawValue)
            }
            rules.constraints[field.name] = try parse(field.constraint, .constraint)
            rules.relevant[field.name] = try parse(field.relevant, .relevant)
            rules.choiceFilters[field.name] = try parse(field.choiceFilter, .choiceFilter, kind: .choiceFilter)
            rules.calculations[field.name] = try parse(field.calculation, .calculation)
        }
        return rules
    }

    private static func parse(_ text: String, kind: FormExpression.Kind, form: FormDefinition, field: String? = nil, section: String? = nil,
                              property: String) throws(CoreError) -> FormExpression {
        do {
            return try FormExpression.parse(text, kind: kind)
        } catch {
            throw form.invalidExpression(error.message, field: field, section: section, property: property)
        }
    }
}
