/// An error from the replica store: a code callers can match, a message a person can act on,
/// and the underlying error, if any.
///
/// ```swift
/// do { try replica.apply(batch, survey: "ikm") }
/// catch let error as StoreError where error.code == .causalGap { … }
/// ```
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// A kind of store error.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No replica at the path, or the file is not a Sentra replica.
        public static let notAReplica = Code(rawValue: "not_a_replica")
        /// A replica already exists at the path.
        public static let alreadyExists = Code(rawValue: "already_exists")
        /// The survey is not held by this replica.
        public static let unknownSurvey = Code(rawValue: "unknown_survey")
        /// The record does not exist in the survey.
        public static let unknownRecord = Code(rawValue: "unknown_record")
        /// A record with that ID exists already.
        public static let duplicateRecord = Code(rawValue: "duplicate_record")
        /// The form is not defined in the survey.
        public static let unknownForm = Code(rawValue: "unknown_form")
        /// A value, a form or a row is not valid.
        public static let invalidInput = Code(rawValue: "invalid_input")
        /// A batch skips a change it depends on: the batch was refused.
        public static let causalGap = Code(rawValue: "causal_gap")
        /// A change reuses a dot the log already holds with different content.
        public static let conflictingDot = Code(rawValue: "conflicting_dot")
        /// A change under this node's own origin that this node never wrote: forged, or from a
        /// backup of this node restored without `sentra restore`. The batch was refused.
        public static let ownOrigin = Code(rawValue: "own_origin")
        /// A bundle is truncated, corrupted, of a newer version or for another survey.
        public static let invalidBundle = Code(rawValue: "invalid_bundle")
        /// SQLite or the file system failed.
        public static let storage = Code(rawValue: "storage")
        /// The disk holding the replica is full: nothing was written.
        public static let diskFull = Code(rawValue: "disk_full")
        /// Another process held the replica too long: nothing was written; try again.
        public static let busy = Code(rawValue: "storage_busy")
        /// The record is deleted: it takes no edits until it is restored.
        public static let recordDeleted = Code(rawValue: "record_deleted")
        /// A resolution names a field that is not in conflict.
        public static let notInConflict = Code(rawValue: "not_in_conflict")
        /// A publish that does not raise the form's version.
        public static let staleFormVersion = Code(rawValue: "stale_form_version")
        /// A review written on a replica that is not an office node.
        public static let notOffice = Code(rawValue: "not_office")
        /// A publish or import of a form that another node publishes, or that this node publishes
        /// and an import would replace.
        public static let notFormPublisher = Code(rawValue: "not_form_publisher")
        /// An office user with that name, in any case, exists already.
        public static let userExists = Code(rawValue: "user_exists")
        /// No office user has that name.
        public static let unknownUser = Code(rawValue: "unknown_user")
    }

    public var code: Code
    public var message: String
    /// The error that caused this one.
    public var underlying: (any Error & Sendable)?

    /// `survey` is not held here: the one message every store gives for it.
    package static func unknownSurvey(_ survey: String) -> StoreError {
        StoreError(.unknownSurvey, "this replica does not hold survey \"\(survey)\"")
    }

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
