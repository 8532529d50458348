/// A failure of the PostgreSQL store that is not the replica's own (``StoreError``): a bad URL, a
/// database made by another program, a schema newer than this build.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// A stable code, for programs.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The URL cannot be read.
        public static let invalidURL = Code(rawValue: "invalid_url")
        /// No connection to the server: down, refused, or the role or password is wrong.
        public static let unreachable = Code(rawValue: "database_unreachable")
        /// The database holds no Sentra node (run `sentra init --postgres` first), or one already.
        public static let notANode = Code(rawValue: "not_a_node")
        public static let alreadyANode = Code(rawValue: "already_a_node")
        /// The schema is newer than this build understands.
        public static let newerSchema = Code(rawValue: "newer_schema")
        /// PostgreSQL refused a statement: a missing privilege, say. The message is the server's.
        public static let refused = Code(rawValue: "database_refused")
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
