import SentraCore

extension FormConverter {
    /// The properties whose errors are about an expression.
    static let expressionProperties: Set<String> = ["constraint", "relevant", "choice_filter", "calculation"]

    /// The cell a ``FormDefinition/validate()`` error is about: the survey row of its field (or
    /// group) and the column of its property; the choices sheet for a list's choices; the
    /// settings row for the form's own name and version.
    func locate(_ error: CoreError) -> XLSFormError {
        let property = error.property
        let code: XLSFormError.Code = property.map(Self.expressionProperties.contains) == true ? .invalidExpression : .invalidForm
        // The place says which form, field and column; the reason alone need not say it again.
        let subject = error.field ?? error.section
        var located = XLSFormError(code, error.reason ?? error.message, source: source, sheet: Self.survey)
        guard let field = subject, let row = cells[field] else {
            switch property {
            case "name" where settings.row != nil || error.field == nil:
                located.sheet = settings.row == nil ? nil : FormSettings.sheet
                located.row = settings.row
                located.column = settings.row == nil ? nil : "form_id"
            case "version", "title", "default_language":
                located.sheet = FormSettings.sheet
                located.row = settings.row
                located.column = property == "title" ? "form_title" : property
            default:
                break
            }
            return located
        }
        located.row = row.number
        located.column = column(for: property, in: row)
        if property == "choices", let list = listOfField[field], let first = lists.firstRows[list] {
            located.sheet = ChoiceLists.sheet
            located.row = first
            located.column = "list_name"
        }
        return located
    }

    /// The header of the column that holds `property` in `row`: the property's own name, the first
    /// filled column of a text written in languages (`label::English (en)`), or `type` for what
    /// the type decides.
    private func column(for property: String?, in row: SheetTable.Row) -> String? {
        guard let property else { return nil }
        switch property {
        case "type", "choices", "section":
            return "type"
        case _ where ColumnHeader.localized.contains(property):
            return row.values.keys.sorted().first { ColumnHeader($0).base == property } ?? property
        default:
            return property
        }
    }
}
