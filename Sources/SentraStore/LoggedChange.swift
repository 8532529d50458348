public import SentraCore

/// A change with its position in this replica's log.
public struct LoggedChange: Hashable, Sendable, Codable {
    /// The position in the local log: increasing, not contiguous across surveys.
    public var position: Int64
    public var change: Change

    package init(position: Int64, change: Change) {
        self.position = position
        self.change = change
    }
}
