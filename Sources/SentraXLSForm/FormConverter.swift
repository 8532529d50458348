import SentraCore

/// Turns the sheets of an XLSForm into a ``FormDefinition``: one field per survey row, one
/// section per group, choices inlined from their lists, and the settings on top. It remembers
/// the row of each field, group and list, so a later error can name its cell.
struct FormConverter {
    static let survey = "survey"

    /// The survey columns Sentra reads. `appearance` is read and ignored: it changes how a
    /// question looks in ODK Collect, not what it stores. `policy` is Sentra's own (`flag` or `lww`).
    static let surveyColumns: Set<String> = [
        "type", "name", "label", "hint", "required", "required_message", "constraint", "constraint_message",
        "relevant", "default", "choice_filter", "calculation", "appearance", "policy",
    ]
    /// The columns a `begin group` row may fill.
    static let groupColumns: Set<String> = ["type", "name", "label", "relevant", "appearance"]

    let source: String
    let settings: FormSettings
    let lists: ChoiceLists

    /// The survey row of each field and each group, by name.
    private(set) var rows: [String: Int] = [:]
    /// The list each choice field takes its choices from.
    private(set) var listOfField: [String: String] = [:]
    /// The survey row of each field and group, with its cells, by name.
    private(set) var cells: [String: SheetTable.Row] = [:]

    init(source: String, settings: FormSettings, lists: ChoiceLists) {
        self.source = source
        self.settings = settings
        self.lists = lists
    }

    /// The form the survey sheet defines, before ``FormDefinition/validate()``.
    mutating func convert(_ survey: SheetTable) throws(XLSFormError) -> FormDefinition {
        guard survey.headers.contains("type") else {
            throw XLSFormError(.notXLSForm, "the survey sheet has no type column", sheet: Self.survey, row: survey.headerRow)
        }
        var fields: [FieldDefinition] = []
        var sections: [FormSection] = []
        // The open groups, innermost last, with the row that opened each.
        var open: [(name: String, row: Int)] = []
        for row in survey.rows {
            try checkColumns(of: row)
            guard let typeText = row["type"] else {
                throw invalid(.invalidCell, "the row has no type", row, "type")
            }
            guard let type = SurveyType(typeText) else {
                throw invalid(.unsupportedType, "type \"\(typeText)\" is not supported; the types are \(SurveyType.supported)", row, "type")
            }
            switch type {
            case .beginGroup:
                let name = try self.name(of: row, what: "group")
                if let column = row.values.keys.sorted().first(where: { !Self.groupColumns.contains(ColumnHeader($0).base) }) {
                    throw invalid(.invalidCell, "a group takes only name, label and relevant", row, column)
                }
                guard FormDefinition.isValidName(name) else {
                    throw invalid(.invalidCell, "group name \"\(name)\" must be 1 to 64 letters, digits, \"_\" or \"-\"", row, "name")
                }
                sections.append(FormSection(name: name, label: try row.localized("label", defaultLanguage: settings.defaultLanguage, sheet: Self.survey),
                                            relevant: row["relevant"], parent: open.last?.name))
                open.append((name, row.number))
            case .endGroup:
                guard let group = open.popLast() else {
                    throw invalid(.invalidForm, "end group closes no group", row, "type")
                }
                if let name = row["name"], name != group.name {
                    throw invalid(.invalidForm, "end group names \(name), but the open group is \(group.name), begun on row \(group.row)", row, "name")
                }
                if let column = row.values.keys.sorted().first(where: { !["type", "name", "appearance"].contains($0) }) {
                    throw invalid(.invalidCell, "end group takes only a name", row, column)
                }
            case .field(let fieldType, let list):
                fields.append(try field(row, type: fieldType, list: list, section: open.last?.name))
            }
        }
        if let group = open.last {
            throw XLSFormError(.invalidForm, "group \(group.name) is never closed: add an end group row", source: source,
                               sheet: Self.survey, row: group.row, column: "type")
        }
        guard !fields.isEmpty else {
            throw XLSFormError(.invalidForm, "the survey sheet defines no fields", source: source, sheet: Self.survey, row: survey.headerRow)
        }
        return FormDefinition(name: try settings.formName(source: source), title: settings.title, version: settings.version,
                              defaultLanguage: settings.defaultLanguage, sections: sections, fields: fields)
    }

    /// The field a survey row defines.
    private mutating func field(_ row: SheetTable.Row, type: FieldType, list: String?, section: String?) throws(XLSFormError) -> FieldDefinition {
        let name = try self.name(of: row, what: "field")
        let language = settings.defaultLanguage
        var choices: [Choice]?
        if let list {
            guard let listChoices = lists.lists[list] else {
                throw invalid(.unknownList, "\(type == .choice ? "select_one" : "select_multiple") \(list): the choices sheet has no list \(list)", row, "type")
            }
            choices = listChoices
            listOfField[name] = list
        }
        if row["choice_filter"] != nil && list == nil {
            throw invalid(.invalidCell, "only a select_one or select_multiple takes a choice_filter", row, "choice_filter")
        }
        if type == .calculate {
            if row["calculation"] == nil { throw invalid(.invalidCell, "a calculate needs a calculation", row, "calculation") }
        } else if row["calculation"] != nil {
            throw invalid(.invalidCell, "only a calculate takes a calculation", row, "calculation")
        }
        let required = try self.required(row)
        if !type.isInput {
            let inputOnly = ["required", "required_message", "constraint", "constraint_message", "default"]
            if let column = row.values.keys.sorted().first(where: { inputOnly.contains(ColumnHeader($0).base) && ($0 != "required" || required) }) {
                throw invalid(.invalidCell, "a \(type.rawValue) holds no value that a person enters, so it takes no \(ColumnHeader(column).base)", row, column)
            }
        }
        var policy = ConflictPolicy.flag
        if let text = row["policy"] {
            guard let parsed = ConflictPolicy(rawValue: text) else {
                throw invalid(.invalidCell, "policy must be flag or lww, not \"\(text)\"", row, "policy")
            }
            policy = parsed
        }
        return FieldDefinition(
            name: name, type: type,
            label: try row.localized("label", defaultLanguage: language, sheet: Self.survey),
            hint: try row.localized("hint", defaultLanguage: language, sheet: Self.survey),
            required: required,
            requiredMessage: try row.localized("required_message", defaultLanguage: language, sheet: Self.survey),
            constraint: row["constraint"],
            constraintMessage: try row.localized("constraint_message", defaultLanguage: language, sheet: Self.survey),
            relevant: row["relevant"], defaultValue: row["default"], choiceFilter: row["choice_filter"],
            calculation: row["calculation"], choices: choices, section: section, policy: policy)
    }

    /// The row's name, remembered with its row; a name used twice is refused.
    private mutating func name(of row: SheetTable.Row, what: String) throws(XLSFormError) -> String {
        guard let name = row["name"] else { throw invalid(.invalidCell, "the \(what) has no name", row, "name") }
        if let earlier = rows[name] {
            throw invalid(.invalidForm, "the name \(name) is used twice, on rows \(earlier) and \(row.number)", row, "name")
        }
        rows[name] = row.number
        cells[name] = row
        return name
    }

    /// The `required` cell: yes or no in any of XLSForm's spellings. An expression is refused,
    /// since Sentra does not support a field that is required only sometimes.
    private func required(_ row: SheetTable.Row) throws(XLSFormError) -> Bool {
        guard let text = row["required"] else { return false }
        switch text.lowercased() {
        case "yes", "true", "true()", "1": return true
        case "no", "false", "false()", "0": return false
        default:
            throw invalid(.invalidCell, "required must be yes or no, not \"\(text)\" (a field required only under a condition is not supported)", row, "required")
        }
    }

    /// Refuses a value in a column outside the subset.
    private func checkColumns(of row: SheetTable.Row) throws(XLSFormError) {
        for header in row.values.keys.sorted() {
            let column = ColumnHeader(header)
            if let language = column.language {
                guard ColumnHeader.localized.contains(column.base), !language.isEmpty else {
                    throw invalid(.unsupportedColumn, language.isEmpty ? "the column \(header) names no language"
                                  : "the column \(header) is not supported; only label, hint, required_message and constraint_message have languages", row, header)
                }
            } else if !Self.surveyColumns.contains(header) {
                throw invalid(.unsupportedColumn, "the column \(header) is not supported (the columns Sentra reads are in Docs/forms.md)", row, header)
            }
        }
    }

    private func invalid(_ code: XLSFormError.Code, _ message: String, _ row: SheetTable.Row, _ column: String) -> XLSFormError {
        XLSFormError(code, message, source: source, sheet: Self.survey, row: row.number, column: column)
    }
}
