/// The records that a stretch of a survey's log changed, made by
/// ``Replica/changedRecords(survey:after:limit:)``.
public struct ChangedRecords: Hashable, Sendable {
    /// The IDs of the records changed, each once, in the order of their first change.
    public var records: [String]
    /// The log position of the last change read: pass it as `after` to read on. Equal to the
    /// position asked from when nothing changed since.
    public var position: Int64
    /// The identity of the log the positions belong to. Positions of one log mean nothing in
    /// another: when it differs from the one a caller last saw (the replica was restored), the
    /// caller reads everything again.
    public var logID: String

    public init(records: [String], position: Int64, logID: String) {
        self.records = records
        self.position = position
        self.logID = logID
    }
}
