/// A sheet read as a table: its first non-empty row names the columns, and each row after it is
/// a dictionary from column header to text, with its row number for errors.
///
/// Headers are trimmed and case-sensitive, as XLSForm's are. A value under a column with no
/// header is refused, and so is a header written twice.
struct SheetTable {
    struct Row {
        /// The row's number in the spreadsheet.
        var number: Int
        /// The row's non-empty cells by column header.
        var values: [String: String]

        subscript(_ header: String) -> String? { values[header] }
    }

    var name: String
    /// The row that holds the headers; 1 in almost every form.
    var headerRow: Int
    /// The headers, in column order.
    var headers: [String]
    var rows: [Row]

    init(_ sheet: Worksheet) throws(XLSFormError) {
        name = sheet.name
        guard let first = sheet.rows.first else {
            headerRow = 1
            headers = []
            rows = []
            return
        }
        headerRow = first.number
        var columns: [Int: String] = [:]
        var seen: [String: Int] = [:]
        for (column, header) in first.cells.sorted(by: { $0.key < $1.key }) {
            if let earlier = seen[header] {
                throw XLSFormError(.invalidCell, "the column header \(header) is written twice, in columns \(CellReference.letters(ofColumn: earlier)) and \(CellReference.letters(ofColumn: column))",
                                   sheet: name, row: first.number, column: header)
            }
            seen[header] = column
            columns[column] = header
        }
        headers = first.cells.sorted { $0.key < $1.key }.map(\.value)
        rows = []
        for row in sheet.rows.dropFirst() {
            var values: [String: String] = [:]
            for (column, text) in row.cells.sorted(by: { $0.key < $1.key }) {
                guard let header = columns[column] else {
                    throw XLSFormError(.unsupportedColumn, "the cell holds \"\(text)\" but its column has no header",
                                       sheet: name, row: row.number, column: CellReference.letters(ofColumn: column))
                }
                values[header] = text
            }
            rows.append(Row(number: row.number, values: values))
        }
    }
}
