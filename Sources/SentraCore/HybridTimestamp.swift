/// A hybrid logical clock reading: physical milliseconds since 1970 plus a logical counter.
///
/// Both parts are packed into one signed 64-bit integer, `physical << 16 | logical`: the logical
/// counter in the low 16 bits, physical time above it. Timestamps sort as integers and store in
/// one column. Physical time is always below ``physicalLimit`` (2^46 ms, in the year 4199), so a
/// valid timestamp is below 2^62:
///
/// ```swift
/// let t = HybridTimestamp(physical: 1_732_850_000_000, logical: 3)
/// t.rawValue == 1_732_850_000_000 << 16 | 3
/// ```
public struct HybridTimestamp: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The packed value: `physical << 16 | logical`.
    public let rawValue: Int64

    /// The largest logical counter; the next tick moves physical time on by one millisecond.
    public static let maxLogical = 0xFFFF

    /// The first physical time out of range: 2^46 ms, in the year 4199. No clock gives a later
    /// reading, and a change that carries one is not valid.
    public static let physicalLimit: Int64 = 1 << 46

    /// The greatest timestamp in range: physical time 2^46 − 1 ms, logical 65535.
    public static let greatest = HybridTimestamp(physical: physicalLimit - 1, logical: maxLogical)

    /// Whether `rawValue` is a timestamp in range: not negative, physical time below ``physicalLimit``.
    public static func isInRange(_ rawValue: Int64) -> Bool {
        rawValue >= 0 && rawValue >> 16 < physicalLimit
    }

    /// The zero timestamp, before every other.
    public static let zero = HybridTimestamp(rawValue: 0)

    public init(rawValue: Int64) { self.rawValue = rawValue }

    public init(physical: Int64, logical: Int) {
        precondition(physical >= 0 && physical < 1 << 47 && logical >= 0 && logical <= Self.maxLogical)
        rawValue = physical << 16 | Int64(logical)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var physical: Int64 { rawValue >> 16 }

    /// The logical counter within one millisecond.
    public var logical: Int { Int(rawValue & 0xFFFF) }

    public static func < (lhs: HybridTimestamp, rhs: HybridTimestamp) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int64.self)
        guard Self.isInRange(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "timestamp \(value) is out of range"))
        }
        rawValue = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { "\(physical).\(logical)" }
}
