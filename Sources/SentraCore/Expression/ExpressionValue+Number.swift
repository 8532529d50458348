extension ExpressionValue {
    /// A string read as a number, as the field app must read it too.
    ///
    /// After trimming spaces, tabs, carriage returns and line feeds from both ends, the text must be
    /// an optional `+` or `-`, then digits with at most one `.` and at least one digit (`12`, `-3.5`,
    /// `.5`, `5.`). Anything else, including `""`, `1e3`, `0x10`, `Infinity` and `1,5`, is NaN.
    public static func parseDecimal(_ text: String) -> Double {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, ExpressionTokenizer.isWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, ExpressionTokenizer.isWhitespace(last) { scalars.removeLast() }
        var sign = ""
        if let first = scalars.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            scalars.removeFirst()
        }
        var whole = "", fraction = "", seenPoint = false
        for scalar in scalars {
            if scalar == "." && !seenPoint {
                seenPoint = true
            } else if ExpressionTokenizer.isDigit(scalar) {
                if seenPoint { fraction.unicodeScalars.append(scalar) } else { whole.unicodeScalars.append(scalar) }
            } else {
                return .nan
            }
        }
        guard !(whole.isEmpty && fraction.isEmpty) else { return .nan }
        return Double("\(sign)\(whole.isEmpty ? "0" : whole).\(fraction.isEmpty ? "0" : fraction)") ?? .nan
    }

    /// A number as text, exactly as JavaScript's `String(n)` writes it.
    ///
    /// The digits are the shortest that read back to the same number. Whole numbers have no `.0`
    /// (`3`, `-0` is `0`); numbers from 1e-6 up to 1e21 are plain decimals (`0.000001`,
    /// `123456789012345680000`); others use an exponent (`1e+21`, `1.5e-7`). NaN is `NaN`, the
    /// infinities `Infinity` and `-Infinity`.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number == 0 { return "0" }
        if number < 0 { return "-" + format(-number) }
        if number.isInfinite { return "Infinity" }
        let (digits, n) = shortestDigits(number)
        let k = digits.count
        if k <= n && n <= 21 { return digits + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 { return String(digits.prefix(n)) + "." + String(digits.dropFirst(n)) }
        if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + digits }
        let exponent = n - 1
        let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }

    /// A finite, non-negative number as a plain decimal with no exponent, for the canonical text
    /// of a literal: `1e21` is `1000000000000000000000`, `1e-7` is `0.0000001`.
    static func plainDecimal(_ number: Double) -> String {
        guard number.isFinite, number > 0 else { return number == 0 ? "0" : format(number) }
        let (digits, n) = shortestDigits(number)
        if n >= digits.count { return digits + String(repeating: "0", count: n - digits.count) }
        if n > 0 { return String(digits.prefix(n)) + "." + String(digits.dropFirst(n)) }
        return "0." + String(repeating: "0", count: -n) + digits
    }

    /// The shortest round-trip digits `d1…dk` of a positive finite number, without leading or
    /// trailing zeros, and `n` such that the number is `0.d1…dk × 10^n`.
    private static func shortestDigits(_ number: Double) -> (digits: String, n: Int) {
        // Swift's description is the shortest round-trip form: "123.45", "1e-07", "1.5e+20".
        let text = number.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = mantissa[0], fraction = mantissa.count == 2 ? mantissa[1] : ""
        var digits = Substring(whole + fraction)
        var point = whole.count
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (String(digits), point + exponent)
    }
}
