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
        /// Changes held here that the daemon's peer has not acknowledged, once a peer is known.
        public var unacknowledged: Int?
        /// The survey's forms, with their versions and where each came from.
        public var forms: [HeldForm]
        /// Records (not deleted) by the review state they show, states with none left out.
        public var reviews: [String: Int]

        package init(name: String, versionVector: VersionVector, records: Int, conflicts: Int, changes: Int, unacknowledged: Int?,
                     forms: [HeldForm], reviews: [String: Int]) {
            self.name = name
            self.versionVector = versionVector
            self.records = records
            self.conflicts = conflicts
            self.changes = changes
            self.unacknowledged = unacknowledged
            self.forms = forms
            self.reviews = reviews
        }
    }

    public var node: NodeInfo
    public var defaultSurvey: String
    public var surveys: [Survey]
    /// What the sync daemon last reported, if one ever ran on this replica.
    public var daemon: DaemonStatus?

    package init(node: NodeInfo, defaultSurvey: String, surveys: [Survey], daemon: DaemonStatus?) {
        self.node = node
        self.defaultSurvey = defaultSurvey
        self.surveys = surveys
        self.daemon = daemon
    }
}
