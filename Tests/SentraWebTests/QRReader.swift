import Dispatch
import Foundation

/// Reads a QR code the pages show as SVG: the SVG's runs become a PBM image that `zbarimg`
/// (Debian `zbar-tools`, which `.ci/run` installs) decodes, off Swift's cooperative threads.
enum QRReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The text of the QR code drawn by the first `<svg>` in `page`.
    static func decode(svgIn page: String) async throws -> String {
        let matrix = try matrix(svg: page)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try zbar(matrix) }) }
        }
    }

    /// Dark modules from the SVG's `viewBox` and its path of runs `M x y h n v1 h-n z`.
    static func matrix(svg page: String) throws -> [[Bool]] {
        guard let start = page.range(of: "<svg"), let end = page.range(of: "</svg>", range: start.upperBound..<page.endIndex) else {
            throw Failure(description: "no <svg> on the page")
        }
        let svg = String(page[start.lowerBound..<end.upperBound])
        guard let viewBox = svg.firstMatch(of: /viewBox="0 0 (\d+) (\d+)"/), let side = Int(viewBox.1), Int(viewBox.2) == side else {
            throw Failure(description: "the SVG has no square viewBox")
        }
        var rows = Array(repeating: Array(repeating: false, count: side), count: side)
        for run in svg.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
            let (x, y, length) = (Int(run.1)!, Int(run.2)!, Int(run.3)!)
            for column in x..<(x + length) { rows[y][column] = true }
        }
        return rows
    }

    /// Writes `matrix` as a PBM, 4 pixels a module, and reads it with `zbarimg --raw`.
    static func zbar(_ matrix: [[Bool]]) throws -> String {
        guard let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "zbarimg is missing: install zbar-tools (apt-get install zbar-tools; .ci/run does it as root)")
        }
        let scale = 4
        var pbm = "P1\n\(matrix.count * scale) \(matrix.count * scale)\n"
        for row in matrix {
            let line = row.flatMap { Array(repeating: $0 ? "1" : "0", count: scale) }.joined(separator: " ")
            pbm += String(repeating: line + "\n", count: scale)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-qr-\(UUID().uuidString).pbm")
        try Data(pbm.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "--quiet", "--nodbus", file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "zbarimg exited \(process.terminationStatus): \(stderr)") }
        return stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout
    }
}
