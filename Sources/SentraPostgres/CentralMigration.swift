public import SentraCore

/// What `sentra central migrate` copied from a SQLite central node into PostgreSQL.
public struct CentralMigration: Hashable, Sendable, Encodable {
    /// One survey as copied.
    public struct Survey: Hashable, Sendable, Encodable {
        public var name: String
        /// The log's identity, the same as before: devices' pull cursors stay valid.
        public var logID: String
        /// The log's last position, the same as before.
        public var logPosition: Int64
        public var changes: Int
        public var records: Int
        /// Forms copied (published here or received), and forms left behind: imported ones, which
        /// never travel; publish them on the new node if devices need them.
        public var forms: [String]
        public var formsLeft: [String]
    }

    /// The node, with the same ID and name.
    public var node: NodeInfo
    public var surveys: [Survey]
    /// Tokens copied, revoked ones included, with their bindings to devices.
    public var tokens: Int
    /// Office users copied (their sessions are not: they sign in again).
    public var users: Int
    /// Names of other nodes the node knew.
    public var names: Int
}
