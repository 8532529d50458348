import SentraCore

/// What the `settings` sheet says: the form's name, title, version and default language, and
/// the row that says it.
///
/// | form_id | form_title | version | default_language |
/// |---|---|---|---|
/// | usaha | Pendataan IKM konveksi | 2024110101 | Indonesian (id) |
struct FormSettings {
    static let sheet = "settings"
    static let columns: Set<String> = ["form_id", "form_title", "version", "default_language"]

    var formID: String?
    var title: String?
    var version: Int64 = 1
    var defaultLanguage: String?
    /// The settings row, when the workbook has a settings sheet with values.
    var row: Int?

    init() {}

    init(_ table: SheetTable) throws(XLSFormError) {
        guard let first = table.rows.first else { return }
        if let extra = table.rows.dropFirst().first {
            throw XLSFormError(.invalidCell, "the settings sheet has one row of values under its headers, and this is a second",
                               sheet: Self.sheet, row: extra.number)
        }
        row = first.number
        for header in table.headers where first[header] != nil && !Self.columns.contains(header) {
            throw XLSFormError(.unsupportedColumn, "the setting \(header) is not supported; the settings are \(Self.columns.sorted().joined(separator: ", "))",
                               sheet: Self.sheet, row: first.number, column: header)
        }
        formID = first["form_id"]
        title = first["form_title"]
        defaultLanguage = first["default_language"]
        if let text = first["version"] {
            guard let version = Self.wholeNumber(text), version >= 1 else {
                throw XLSFormError(.invalidCell, "the version must be a whole number of at least 1, such as 2024110101, not \"\(text)\"",
                                   sheet: Self.sheet, row: first.number, column: "version")
            }
            self.version = version
        }
    }

    /// `2024110101`, or `1.0` written as text, as a whole number; nil for anything else.
    private static func wholeNumber(_ text: String) -> Int64? {
        if let number = Int64(text) { return number }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Double(text),
              number.rounded() == number, abs(number) < 9e15 else { return nil }
        return Int64(number)
    }

    /// The form's name: `form_id`, or else the stem of the file name (`usaha.xlsx` is `usaha`)
    /// when that is a valid form name.
    func formName(source: String) throws(XLSFormError) -> String {
        if let formID { return formID }
        let file = source.split(separator: "/").last.map(String.init) ?? source
        let stem = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
        guard FormDefinition.isValidName(stem) else {
            throw XLSFormError(.invalidCell, "the form has no form_id, and the file name \"\(file)\" is not a form name (1 to 64 letters, digits, \"_\" or \"-\"): write a form_id in the settings sheet",
                               sheet: Self.sheet, row: row, column: "form_id")
        }
        return stem
    }
}
