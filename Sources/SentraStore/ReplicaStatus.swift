public import SentraCore

/// What `sentra status` shows: the node and, per survey, what it holds.
public struct ReplicaStatus: Hashable, Sendable, Encodable {
    /// One survey's summary.
    public struct Survey: Hashable, Sendable, Encodable {
        public var name: String
        public var versionVector: VersionVector
        /// Records held, deleted ones excluded unless they are in conflict.
        public var records: Int
        public var conflicts: Int
        /// Changes in the local log.
        public var changes: Int
    }

    public var node: NodeInfo
    public var defaultSurvey: String
    public var surveys: [Survey]
}
