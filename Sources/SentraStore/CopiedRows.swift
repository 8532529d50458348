/// A replica's rows as ``Replica/copiedNode()`` and its page readers give them to
/// `sentra central migrate`, which writes them unchanged into another store: the same dots, log
/// positions, bodies and merged records, so devices find the node as they left it.
package enum CopiedRows {
    /// The node itself.
    package struct Node: Sendable {
        package var id: String
        package var name: String
        /// The hybrid clock's last value.
        package var hlc: Int64
        package var defaultSurvey: String
        package var createdAt: String
    }

    /// One change as the log holds it.
    package struct LoggedChange: Sendable {
        package var seq: Int64
        package var origin: String
        package var counter: Int64
        package var record: String
        package var hlc: Int64
        package var body: String
    }

    /// One record's row: its merged state in the columns of decision 0008.
    package struct Record: Sendable {
        package var id: String
        package var form: String
        package var formHLC: Int64
        package var formOrigin: String
        package var formCounter: Int64
        package var context: String
        package var deleted: Bool
        package var conflicted: Bool
        package var entries: String
    }

    /// What a peer held when it last synced.
    package struct Peer: Sendable {
        package var node: String
        package var versionVector: String
        package var heardAt: String
    }
}
