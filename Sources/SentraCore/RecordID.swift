/// Record identifiers: UUIDv7 by default, or any short name the user gives.
public enum RecordID {
    /// Whether `text` may name a record: 1 to 128 printable ASCII characters, with no spaces.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 128 && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// A UUIDv7 (RFC 9562) for wall-clock time `milliseconds`: time-ordered, so new records sort last.
    public static func uuidV7<G: RandomNumberGenerator>(milliseconds: Int64, using generator: inout G) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index)))
        }
        for index in 6..<16 {
            bytes[index] = UInt8.random(in: .min ... .max, using: &generator)
        }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}
