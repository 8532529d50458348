import SentraCore

/// The lists of the `choices` sheet, by list name, with the rows that define them.
///
/// | list_name | name | label::Indonesian (id) | label::English (en) | desa |
/// |---|---|---|---|---|
/// | dusun | kp-cikadu | Kp. Cikadu | Cikadu hamlet | Sindangmulya |
///
/// `list_name` (or `list name`), `name` and `label[::language]` make the choice; any other column
/// becomes one of the choice's ``Choice/columns``, which a `choice_filter` reads.
struct ChoiceLists {
    static let sheet = "choices"
    /// Media columns hold pictures and sounds, which Sentra does not show.
    private static let media: Set<String> = ["image", "big-image", "audio", "video", "media"]

    private(set) var lists: [String: [Choice]] = [:]
    /// The row of each list's first choice.
    private(set) var firstRows: [String: Int] = [:]

    init() {}

    init(_ table: SheetTable, defaultLanguage: String?) throws(XLSFormError) {
        let listColumns = table.headers.filter { $0 == "list_name" || $0 == "list name" }
        guard !table.rows.isEmpty else { return }
        guard !listColumns.isEmpty else {
            throw XLSFormError(.notXLSForm, "the choices sheet has no list_name column", sheet: Self.sheet, row: table.headerRow)
        }
        var names: [String: [String: Int]] = [:]
        for row in table.rows {
            let listNames = listColumns.compactMap { row[$0] }
            guard let list = listNames.first else {
                throw XLSFormError(.invalidCell, "the choice has no list_name", sheet: Self.sheet, row: row.number, column: listColumns[0])
            }
            if Set(listNames).count > 1 {
                throw XLSFormError(.invalidCell, "the columns list_name and list name name different lists", sheet: Self.sheet, row: row.number, column: "list name")
            }
            guard let name = row["name"] else {
                throw XLSFormError(.invalidCell, "the choice in list \(list) has no name", sheet: Self.sheet, row: row.number, column: "name")
            }
            if let earlier = names[list]?[name] {
                throw XLSFormError(.invalidForm, "list \(list) has the choice \"\(name)\" twice, on rows \(earlier) and \(row.number)",
                                   sheet: Self.sheet, row: row.number, column: "name")
            }
            names[list, default: [:]][name] = row.number
            var columns: [String: String] = [:]
            for (header, text) in row.values.sorted(by: { $0.key < $1.key }) {
                let column = ColumnHeader(header)
                if listColumns.contains(header) || header == "name" || column.base == "label" && column.language != "" { continue }
                if column.language != nil || Self.media.contains(column.base) {
                    throw XLSFormError(.unsupportedColumn, "the column \(header) is not supported on the choices sheet; other columns are the choice's own, for choice_filter",
                                       sheet: Self.sheet, row: row.number, column: header)
                }
                columns[header] = text
            }
            let label = try row.localized("label", defaultLanguage: defaultLanguage, sheet: Self.sheet)
            lists[list, default: []].append(Choice(name, label: label, columns: columns))
            if firstRows[list] == nil { firstRows[list] = row.number }
        }
    }
}
