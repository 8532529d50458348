/// A map from origin node to the highest counter seen from it.
///
/// Because delivery is causal and per-origin FIFO, a replica's version vector names exactly
/// the set of changes it holds: `(n, k)` is held if and only if `vv[n] >= k`. A record's
/// *context* is a version vector too, restricted to the changes of that record.
///
/// Zero entries are never stored, so two vectors that cover the same dots are equal.
public struct VersionVector: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The non-zero entries.
    public private(set) var counters: [NodeID: Int]

    /// The empty vector, which covers nothing.
    public init() { counters = [:] }

    public init(_ counters: [NodeID: Int]) {
        self.counters = counters.filter { $0.value > 0 }
    }

    /// The highest counter seen from `origin`, or 0.
    public subscript(origin: NodeID) -> Int {
        get { counters[origin] ?? 0 }
        set { counters[origin] = newValue > 0 ? newValue : nil }
    }

    /// Whether the change named `dot` is included.
    public func covers(_ dot: Dot) -> Bool { self[dot.origin] >= dot.counter }

    /// Whether every dot that `other` covers is covered here too.
    public func dominates(_ other: VersionVector) -> Bool {
        other.counters.allSatisfy { self[$0.key] >= $0.value }
    }

    /// Raises each entry to at least `dot.counter` for its origin.
    public mutating func include(_ dot: Dot) {
        if self[dot.origin] < dot.counter { self[dot.origin] = dot.counter }
    }

    /// The pointwise maximum of two vectors: the union of the dots they cover.
    public func merging(_ other: VersionVector) -> VersionVector {
        var result = self
        result.merge(other)
        return result
    }

    /// Raises each entry to the maximum of both vectors.
    public mutating func merge(_ other: VersionVector) {
        for (origin, counter) in other.counters where self[origin] < counter {
            self[origin] = counter
        }
    }

    /// The pointwise minimum: the dots both vectors cover.
    public func intersection(_ other: VersionVector) -> VersionVector {
        VersionVector(counters.reduce(into: [:]) { result, item in result[item.key] = min(item.value, other[item.key]) })
    }

    /// How two vectors relate in the causal order.
    public func compare(_ other: VersionVector) -> CausalOrder {
        switch (dominates(other), other.dominates(self)) {
        case (true, true): .equal
        case (true, false): .after
        case (false, true): .before
        case (false, false): .concurrent
        }
    }

    /// The total number of changes covered.
    public var total: Int { counters.values.reduce(0, +) }

    /// The origins, sorted.
    public var origins: [NodeID] { counters.keys.sorted() }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: Int].self)
        var counters: [NodeID: Int] = [:]
        for (key, value) in raw {
            guard let origin = NodeID(rawValue: key), value >= 0 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid version vector entry \"\(key)\": \(value)"))
            }
            counters[origin] = value
        }
        self.init(counters)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: counters.map { ($0.key.rawValue, $0.value) }))
    }

    public var description: String {
        "{" + origins.map { "\($0.rawValue): \(self[$0])" }.joined(separator: ", ") + "}"
    }
}

/// How two version vectors relate.
public enum CausalOrder: String, Sendable, Codable {
    /// Both cover the same changes.
    case equal
    /// The first covers a strict subset of the second's changes.
    case before
    /// The first covers a strict superset of the second's changes.
    case after
    /// Each covers a change the other lacks.
    case concurrent
}
