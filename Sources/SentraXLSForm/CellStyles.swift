import SWXMLHash

/// Which cell styles show a number as a date, from a workbook's `xl/styles.xml`.
///
/// A spreadsheet stores a date as a number of days (a serial: 45474 is 2024-07-01) and shows it
/// as a date by the cell's number format. A `default` typed as a date in a spreadsheet program
/// reaches the form as `2024-07-01`, as the person saw it.
struct CellStyles {
    /// For each style index (a cell's `s`), whether its number format shows a date.
    private var dateStyles: Set<Int> = []
    /// Serials count days from 1904-01-01 instead of 1899-12-30 (old Mac workbooks).
    var date1904 = false

    init() {}

    init(_ styles: XMLElement, date1904: Bool) {
        self.date1904 = date1904
        var customDates = Set<Int>()
        for format in styles.element("numFmts")?.elements("numFmt") ?? [] {
            if let id = format.value(of: "numFmtId").flatMap(Int.init), let code = format.value(of: "formatCode"), Self.isDate(code) {
                customDates.insert(id)
            }
        }
        for (index, xf) in (styles.element("cellXfs")?.elements("xf") ?? []).enumerated() {
            guard let id = xf.value(of: "numFmtId").flatMap(Int.init) else { continue }
            if Self.builtInDates.contains(id) || customDates.contains(id) { dateStyles.insert(index) }
        }
    }

    /// The built-in number formats that show a date (ECMA-376 18.8.30), with or without a time.
    private static let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]

    /// Whether a format code such as `yyyy-mm-dd` or `d/m/yy h:mm` shows a date: it has a year or
    /// a day outside quoted text and brackets.
    static func isDate(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "y" where !inQuotes && !inBrackets, "d" where !inQuotes && !inBrackets: return true
            default: break
            }
        }
        return false
    }

    /// Whether cells of style `index` show a date.
    func isDate(style index: Int) -> Bool {
        dateStyles.contains(index)
    }

    /// The date a serial shows, as `YYYY-MM-DD`, with `THH:MM:SS` when it has a time of day; nil
    /// for a serial outside the years 1900 to 9999.
    func date(fromSerial serial: Double) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if date1904 {
            days += 1_462
        } else if days < 61 {
            // The 1900 system counts a 29 February 1900 that never was; before it, serials are a day ahead.
            days += 1
        }
        // Days from 1899-12-30 to 1970-01-01.
        let (year, month, day) = Self.civil(fromDays: days - 25_569)
        let date = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        guard seconds > 0, seconds < 86_400 else { return date }
        return date + "T\(Self.pad(seconds / 3_600, 2)):\(Self.pad(seconds / 60 % 60, 2)):\(Self.pad(seconds % 60, 2))"
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
