import SentraCore

extension SheetTable.Row {
    /// The text of the columns `base` and `base::<language>` of this row, by language: a plain
    /// column's text goes under `defaultLanguage`, or under `""` when the form sets none. Nil
    /// when every such cell is empty.
    func localized(_ base: String, defaultLanguage: String?, sheet: String) throws(XLSFormError) -> LocalizedText? {
        var texts: [String: String] = [:]
        var columns: [String: String] = [:]
        for (header, text) in values.sorted(by: { $0.key < $1.key }) {
            let column = ColumnHeader(header)
            guard column.base == base else { continue }
            let language = column.language ?? defaultLanguage ?? ""
            if let earlier = columns[language] {
                throw XLSFormError(.invalidCell, "columns \(earlier) and \(header) both give the \(language) text; leave one empty",
                                   sheet: sheet, row: number, column: header)
            }
            columns[language] = header
            texts[language] = text
        }
        return texts.isEmpty ? nil : LocalizedText(texts)
    }
}
