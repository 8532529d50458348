import Foundation

/// Reads text one line at a time from a reading in chunks, for NDJSON: lines end with LF, and a
/// CR before the LF is dropped. A UTF-8 byte order mark at the start is skipped. A file of any
/// size is read in the memory of one chunk and one line.
struct LineReader {
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    private let input: ByteChunks
    /// The bytes read and not yet consumed start at `index`.
    private var chunk: [UInt8] = []
    private var index = 0
    private var started = false
    private var finished = false
    private var line = 0
    private var text: [UInt8] = []

    init(_ input: ByteChunks) {
        self.input = input
    }

    /// The next line, with its number (from 1) and its bytes without the line end; nil after the
    /// last line. Text after the last LF is a line too, empty when the input ends with a LF.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` when the input cannot be read.
    mutating func next() throws -> (line: Int, text: [UInt8])? {
        if !started {
            started = true
            while chunk.count < 3, try input.read(appendingTo: &chunk) > 0 {}
            if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }
        guard !finished else { return nil }
        text.removeAll(keepingCapacity: true)
        while true {
            if index == chunk.count {
                chunk.removeAll(keepingCapacity: true)
                index = 0
                guard try input.read(appendingTo: &chunk) > 0 else {
                    finished = true
                    break
                }
            }
            if let end = chunk[index...].firstIndex(of: Self.lf) {
                text.append(contentsOf: chunk[index..<end])
                index = end + 1
                break
            }
            text.append(contentsOf: chunk[index...])
            index = chunk.count
        }
        line += 1
        if text.last == Self.cr { text.removeLast() }
        return (line, text)
    }
}
