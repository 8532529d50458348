/// Why an XLSForm workbook was refused, and the cell that holds the problem.
///
/// Callers match the code; the message and the place are for people. ``description`` is one line
/// that names the file, the sheet, the row and the column:
///
/// ```swift
/// do { form = try XLSForm.read(data, source: "census.xlsx") }
/// catch where error.code == .unsupportedType { print(error) }
/// // census.xlsx: sheet survey, row 9, column type: type "begin repeat" is not supported …
/// ```
public struct XLSFormError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A kind of XLSForm error.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The bytes are not an .xlsx workbook: not a ZIP, truncated, or missing its parts.
        public static let notXLSX = Code(rawValue: "not_xlsx")
        /// The workbook is not an XLSForm: it has no `survey` sheet, or the sheet has no `type` column.
        public static let notXLSForm = Code(rawValue: "not_xlsform")
        /// A survey row has a type outside the supported subset, such as `begin repeat` or `image`.
        public static let unsupportedType = Code(rawValue: "unsupported_type")
        /// A column outside the supported subset holds a value.
        public static let unsupportedColumn = Code(rawValue: "unsupported_column")
        /// A `select_one` or `select_multiple` names a list the choices sheet does not have.
        public static let unknownList = Code(rawValue: "unknown_list")
        /// A cell holds a value its column does not accept: `required` of `maybe`, a version of `v2`…
        public static let invalidCell = Code(rawValue: "invalid_cell")
        /// An expression (`constraint`, `relevant`, `choice_filter`, `calculation`) does not parse or
        /// names an unknown field or function.
        public static let invalidExpression = Code(rawValue: "invalid_expression")
        /// The form as a whole is not valid: a name used twice, an unbalanced group, a default that
        /// does not fit its field.
        public static let invalidForm = Code(rawValue: "invalid_form")
    }

    public var code: Code
    public var message: String
    /// The file the workbook came from, as given to ``XLSForm/read(_:source:)``.
    public var source: String?
    /// The sheet that holds the problem: `survey`, `choices` or `settings`.
    public var sheet: String?
    /// The spreadsheet's own row number, 1 for the header row.
    public var row: Int?
    /// The column's header, such as `constraint` or `label::English (en)`; its letter when it has
    /// no header.
    public var column: String?

    public init(_ code: Code, _ message: String, source: String? = nil, sheet: String? = nil, row: Int? = nil, column: String? = nil) {
        self.code = code
        self.message = message
        self.source = source
        self.sheet = sheet
        self.row = row
        self.column = column
    }

    /// One line: `census.xlsx: sheet survey, row 7, column constraint: <message>`.
    public var description: String {
        var place: [String] = []
        if let sheet { place.append("sheet \(sheet)") }
        if let row { place.append("row \(row)") }
        if let column { place.append("column \(column)") }
        var prefix = place.joined(separator: ", ")
        if let source, !source.isEmpty { prefix = prefix.isEmpty ? source : "\(source): \(prefix)" }
        let line = prefix.isEmpty ? message : "\(prefix): \(message)"
        return line.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
