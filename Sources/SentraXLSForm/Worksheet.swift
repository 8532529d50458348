import SWXMLHash

/// One sheet's cells as text, row by row: `xl/worksheets/sheetN.xml` read with the workbook's
/// shared strings and styles.
///
/// Every cell becomes the text a person sees: shared and inline strings as written, booleans as
/// `TRUE` or `FALSE`, whole numbers without a fraction (`1.0` and `1` are both `1`, `2024110101`
/// stays whole), other numbers as stored, and dates as `YYYY-MM-DD`. Text is trimmed, and empty
/// cells are left out.
struct Worksheet {
    /// One row: its number in the sheet and its non-empty cells by column index (`A` is 1).
    struct Row {
        var number: Int
        var cells: [Int: String]
    }

    var name: String
    /// The rows with at least one non-empty cell, in order.
    var rows: [Row]

    init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    init(name: String, document: XMLElement, sharedStrings: [String], styles: CellStyles) throws(XLSFormError) {
        self.name = name
        rows = []
        var lastRow = 0
        for rowElement in document.element("sheetData")?.elements("row") ?? [] {
            let number = rowElement.value(of: "r").flatMap(Int.init) ?? lastRow + 1
            guard number > lastRow else {
                throw XLSFormError(.notXLSX, "the sheet's rows are out of order at row \(number)", sheet: name, row: number)
            }
            lastRow = number
            var cells: [Int: String] = [:]
            var lastColumn = 0
            for cell in rowElement.elements("c") {
                var column = lastColumn + 1
                if let reference = cell.value(of: "r") {
                    guard let parsed = CellReference(reference), parsed.row == number else {
                        throw XLSFormError(.notXLSX, "the cell reference \"\(reference)\" does not name a cell of row \(number)", sheet: name, row: number)
                    }
                    column = parsed.column
                }
                lastColumn = column
                let text = try Self.text(of: cell, sharedStrings: sharedStrings, styles: styles,
                                         place: (name, number, CellReference.letters(ofColumn: column)))
                let trimmed = text.trimmingWhitespace
                if !trimmed.isEmpty { cells[column] = trimmed }
            }
            if !cells.isEmpty { rows.append(Row(number: number, cells: cells)) }
        }
    }

    /// The text of one cell `c`, by its type `t`.
    private static func text(of cell: XMLElement, sharedStrings: [String], styles: CellStyles,
                             place: (sheet: String, row: Int, column: String)) throws(XLSFormError) -> String {
        let value = cell.element("v")?.text
        func invalid(_ message: String) -> XLSFormError {
            XLSFormError(.invalidCell, message, sheet: place.sheet, row: place.row, column: place.column)
        }
        switch cell.value(of: "t") ?? "n" {
        case "s":
            guard let value, let index = Int(value.trimmingWhitespace), sharedStrings.indices.contains(index) else {
                throw XLSFormError(.notXLSX, "the cell refers to a shared string the workbook does not have",
                                   sheet: place.sheet, row: place.row, column: place.column)
            }
            return sharedStrings[index]
        case "inlineStr":
            return cell.element("is")?.richText ?? value ?? ""
        case "str":
            return value ?? ""
        case "b":
            guard let value else { return "" }
            return value.trimmingWhitespace == "1" ? "TRUE" : "FALSE"
        case "e":
            throw invalid("the cell holds the spreadsheet error \(value ?? "")")
        case "d":
            // An ISO 8601 date written as such; a time of midnight adds nothing.
            guard let value else { return "" }
            for midnight in ["T00:00:00Z", "T00:00:00"] where value.hasSuffix(midnight) { return String(value.dropLast(midnight.count)) }
            return value
        case "n":
            guard let value = value?.trimmingWhitespace, !value.isEmpty else { return "" }
            guard let number = Double(value) else { throw invalid("the number cell holds \"\(value)\", which is not a number") }
            if let style = cell.value(of: "s").flatMap(Int.init), styles.isDate(style: style) {
                guard let date = styles.date(fromSerial: number) else { throw invalid("the date cell holds \(value), which is not a date") }
                return date
            }
            return Self.numberText(value, number)
        case let type:
            throw invalid("the cell has the unknown type \"\(type)\"")
        }
    }

    /// A number as a person reads it: a whole number without a fraction or exponent (`1.0` → `1`,
    /// `2.024110101E9` → `2024110101`), any other number as stored.
    static func numberText(_ stored: String, _ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return stored
    }
}

extension StringProtocol {
    /// The text without spaces, tabs and line breaks at either end.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
