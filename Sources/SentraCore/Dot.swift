/// One write's unique name: the node that made it and that node's counter for the survey.
///
/// Counters are per (origin, survey) and contiguous from 1, so the dot `(n, 5)` says that
/// node `n` had made four earlier writes in that survey.
public struct Dot: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The node that made the write.
    public var origin: NodeID
    /// The origin's counter for the survey, from 1.
    public var counter: Int

    public init(origin: NodeID, counter: Int) {
        self.origin = origin
        self.counter = counter
    }

    public static func < (lhs: Dot, rhs: Dot) -> Bool {
        (lhs.origin, lhs.counter) < (rhs.origin, rhs.counter)
    }

    public var description: String { "\(origin.rawValue):\(counter)" }
}
