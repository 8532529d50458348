import Foundation

/// Drawing a ``QRCode``: as text for a terminal, and as SVG for a page to print or to show.
extension QRCode {
    /// The light margin scanners need around the symbol, in modules.
    public static let quietZone = 4

    /// The symbol as lines of Unicode half blocks, two module rows to a line, with the quiet zone.
    ///
    /// Light modules are the printed glyphs (`█`, `▀`, `▄`) and dark ones are blanks, so on the
    /// usual dark terminal the code shows dark on light, as a phone's camera expects it.
    public func terminalText() -> String {
        let range = -Self.quietZone..<(size + Self.quietZone)
        var lines: [String] = []
        for y in stride(from: range.lowerBound, to: range.upperBound, by: 2) {
            var line = ""
            for x in range {
                // Below the last row (the side has an odd number of modules) is light, like the quiet zone.
                let top = !isDark(x, y)
                let bottom = y + 1 < range.upperBound ? !isDark(x, y + 1) : true
                let glyph: Character = switch (top, bottom) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
                line.append(glyph)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A standalone SVG document of the symbol with its quiet zone, to print: ``svgElement(width:height:label:)``
    /// after an XML declaration, `moduleSize` millimetres per module.
    public func svg(moduleSize: Double = 1) -> String {
        let millimetres = String(format: "%g", Double(size + 2 * Self.quietZone) * moduleSize) + "mm"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement(width: millimetres, height: millimetres) + "\n"
    }

    /// The `<svg>` element of the symbol with its quiet zone: one unit per module, a white
    /// background and one black path of horizontal runs (`M x y h n v1 h-n z`).
    ///
    /// With a `label` it is an image for screen readers (`role="img"` and `aria-label`), ready to
    /// sit inside an HTML page; the label is escaped here.
    ///
    /// ```swift
    /// let element = code.svgElement(width: "240", height: "240", label: "Kode QR pendaftaran")
    /// ```
    public func svgElement(width: String, height: String, label: String? = nil) -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x, y) else { x += 1; continue }
                let start = x
                while x < size && isDark(x, y) { x += 1 }
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        let accessible = label.map { " role=\"img\" aria-label=\"\(MarkupText.escaped($0))\"" } ?? ""
        return """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 \(side) \(side)" \
            width="\(MarkupText.escaped(width))" height="\(MarkupText.escaped(height))" shape-rendering="crispEdges"\(accessible)>
            <rect width="\(side)" height="\(side)" fill="#fff"/>
            <path fill="#000" d="\(path)"/>
            </svg>
            """
    }
}
