public import Foundation
public import SentraCore

/// Reads forms written in XLSForm, the spreadsheet format of ODK and KoboToolbox, into Sentra's
/// ``FormDefinition``.
///
/// ```swift
/// let form = try XLSForm.read(Data(contentsOf: url), source: "census.xlsx")
/// try replica.publish(form)
/// ```
///
/// Sentra reads a subset: the sheets `survey`, `choices` and `settings`; the types text, integer,
/// decimal, date, select_one, select_multiple, geopoint, note, calculate and groups. Anything
/// else is refused with an ``XLSFormError`` that names the sheet, row and column, and no form is
/// returned. Docs/forms.md lists what is read.
public enum XLSForm {
    /// Converts the bytes of an .xlsx workbook into a valid form.
    ///
    /// - Parameters:
    ///   - data: The .xlsx file's bytes.
    ///   - source: The file name, for messages, and for the form's name when the settings sheet
    ///     gives no `form_id` (`usaha.xlsx` is form `usaha`).
    /// - Throws: ``XLSFormError`` naming the cell that holds the problem.
    public static func read(_ data: Data, source: String) throws(XLSFormError) -> FormDefinition {
        do {
            return try convert(data, source: source)
        } catch {
            var error = error
            error.source = source
            throw error
        }
    }

    private static func convert(_ data: Data, source: String) throws(XLSFormError) -> FormDefinition {
        var workbook = try Workbook(data)
        guard let surveySheet = try workbook.sheet(named: FormConverter.survey) else {
            let hint = workbook.sheetNames.first { $0.lowercased() == FormConverter.survey }.map { " (sheet names are lower case: rename \($0) to survey)" } ?? ""
            let names = workbook.sheetNames.isEmpty ? "no sheets" : "the sheets " + workbook.sheetNames.joined(separator: ", ")
            throw XLSFormError(.notXLSForm, "not an XLSForm: the workbook has no survey sheet, only \(names)\(hint)")
        }
        let settings = try workbook.sheet(named: FormSettings.sheet).map { sheet throws(XLSFormError) in try FormSettings(SheetTable(sheet)) } ?? FormSettings()
        let lists = try workbook.sheet(named: ChoiceLists.sheet).map { sheet throws(XLSFormError) in
            try ChoiceLists(SheetTable(sheet), defaultLanguage: settings.defaultLanguage)
        } ?? ChoiceLists()
        var converter = FormConverter(source: source, settings: settings, lists: lists)
        let form = try converter.convert(SheetTable(surveySheet))
        try checkDefaultLanguage(of: form, settings: settings)
        do {
            try form.validate()
        } catch {
            throw converter.locate(error)
        }
        return form
    }

    /// Refuses a `default_language` that no text of the form is written in: most likely a typo.
    private static func checkDefaultLanguage(of form: FormDefinition, settings: FormSettings) throws(XLSFormError) {
        guard let language = form.defaultLanguage else { return }
        var languages = Set<String>()
        for section in form.sections { languages.formUnion(section.label?.languages ?? []) }
        for field in form.fields {
            for text in [field.label, field.hint, field.requiredMessage, field.constraintMessage] { languages.formUnion(text?.languages ?? []) }
            for choice in field.choices ?? [] { languages.formUnion(choice.label?.languages ?? []) }
        }
        guard !languages.isEmpty, !languages.contains(language) else { return }
        throw XLSFormError(.invalidCell, "default_language \(language) is not a language of any label; the labels are in \(languages.sorted().map { $0.isEmpty ? "(no language)" : $0 }.joined(separator: ", "))",
                           sheet: FormSettings.sheet, row: settings.row, column: "default_language")
    }
}
