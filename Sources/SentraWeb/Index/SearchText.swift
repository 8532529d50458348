import Glibc

/// A record's text for the search box: its ID, name and text values in lower case, as UTF-8 bytes
/// that a search scans byte by byte, so that a search of 100,000 records takes milliseconds.
struct SearchText: Sendable {
    private let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.lowercased().utf8)
    }

    /// The words of what a clerk typed, in lower case, each to find anywhere in the text.
    static func words(_ typed: String) -> [[UInt8]] {
        typed.lowercased().split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
    }

    /// Whether the text holds `word` (from ``words(_:)``).
    func contains(_ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return true }
        guard word.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { text in
            word.withUnsafeBufferPointer { needle in
                let first = needle[0], last = text.count - needle.count
                var start = 0
                while start <= last {
                    if text[start] == first && memcmp(text.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
                    start += 1
                }
                return false
            }
        }
    }
}
