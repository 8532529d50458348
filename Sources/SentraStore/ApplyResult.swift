/// What applying a batch of remote changes did.
public struct ApplyResult: Hashable, Sendable, Codable {
    /// Changes merged into the replica.
    public var applied: Int
    /// Changes the replica held already.
    public var skipped: Int
    /// Conflicts that exist after the batch and did not before it.
    public var newConflicts: Int
    /// Applied changes whose HLC was more than ``Replica/maxClockAhead`` ahead of the wall clock:
    /// the replica's clock did not follow them. A sign that their writer's clock is wrong.
    public var clockAhead: Int

    public init(applied: Int = 0, skipped: Int = 0, newConflicts: Int = 0, clockAhead: Int = 0) {
        self.applied = applied
        self.skipped = skipped
        self.newConflicts = newConflicts
        self.clockAhead = clockAhead
    }
}
