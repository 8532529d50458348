/// The identity of one replica: a device or a central node.
///
/// A node ID is chosen at random when a replica is created and never changes. It is written
/// as 16 lowercase hexadecimal digits, for example `"3f9c0a1b22d4e8f1"`.
public struct NodeID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Wraps `rawValue` if it is a valid node ID: 1 to 64 characters from `[A-Za-z0-9._-]`.
    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A new random node ID.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> NodeID {
        let bits = UInt64.random(in: .min ... .max, using: &generator)
        let hex = String(bits, radix: 16)
        return NodeID(rawValue: String(repeating: "0", count: 16 - hex.count) + hex)!
    }

    /// A new random node ID from the system's generator.
    public static func random() -> NodeID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.isValid(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid node ID \"\(text)\""))
        }
        rawValue = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }
}
