/// A cell's place in a sheet, as a cell reference such as `AB12` writes it: a column index from 1
/// (`A` is 1, `Z` 26, `AA` 27) and a row number from 1.
struct CellReference: Hashable, Sendable {
    var column: Int
    var row: Int

    /// Parses `AB12`; nil for anything else, such as `$A$1`, `12` or `A0`.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                sawLetter = true
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9") where sawLetter:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            default:
                return nil
            }
            // Excel's last cell is XFD1048576.
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        guard sawLetter, sawDigit, row >= 1 else { return nil }
        self.column = column
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The letters of a column index: 1 is `A`, 28 is `AB`.
    static func letters(ofColumn column: Int) -> String {
        var column = column
        var letters: [Character] = []
        while column > 0 {
            let remainder = (column - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            column = (column - 1) / 26
        }
        return String(letters.reversed())
    }
}
