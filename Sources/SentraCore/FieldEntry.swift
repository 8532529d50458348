/// One value held by a field: the write that put it there, when, and what it is.
///
/// A field with one entry has a single value. A field with two or more holds concurrent writes:
/// a conflict, kept until someone resolves it.
public struct FieldEntry: Hashable, Sendable {
    public var dot: Dot
    public var hlc: HybridTimestamp
    public var value: FieldValue

    public init(dot: Dot, hlc: HybridTimestamp, value: FieldValue) {
        self.dot = dot
        self.hlc = hlc
        self.value = value
    }

    /// Whether `self` is displayed ahead of `other`: the greater `(hlc, origin, counter)` wins.
    ///
    /// The order is total and the same on every replica, so every replica shows the same winner.
    public func displaysBefore(_ other: FieldEntry) -> Bool {
        (hlc, dot.origin, dot.counter) > (other.hlc, other.dot.origin, other.dot.counter)
    }
}

extension Sequence<FieldEntry> {
    /// The entry every replica displays: the greatest `(hlc, origin, counter)`.
    public var displayWinner: FieldEntry? {
        self.min { $0.displaysBefore($1) }
    }
}
