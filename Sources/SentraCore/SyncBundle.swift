/// A batch of changes with the sender's identity and version vector: the body of a bundle file
/// and the future wire format.
///
/// On disk a bundle is this structure as JSON, gzip-compressed. Readers check ``format`` and
/// ``version`` before anything else, so a newer bundle gets a clear error, not a misreading.
public struct SyncBundle: Hashable, Sendable, Codable {
    /// The value of ``format`` in every bundle.
    public static let formatName = "sentra-bundle"
    /// The format version this build writes and the newest it reads.
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// The survey every change belongs to.
    public var survey: String
    /// The node that wrote the bundle.
    public var sender: NodeInfo
    /// Everything the sender held when it wrote the bundle.
    public var versionVector: VersionVector
    /// Names of the nodes the sender knows, so receivers can show authors by name.
    public var nodes: [NodeInfo]
    /// The changes, in an order that respects causality (the sender's log order).
    public var changes: [Change]
    /// The published forms the sender holds; nil in bundles written before forms travelled.
    public var forms: [PublishedForm]?

    public init(survey: String, sender: NodeInfo, versionVector: VersionVector, nodes: [NodeInfo], changes: [Change], forms: [PublishedForm]? = nil) {
        format = Self.formatName
        version = Self.currentVersion
        self.survey = survey
        self.sender = sender
        self.versionVector = versionVector
        self.nodes = nodes
        self.changes = changes
        self.forms = forms
    }

    /// Just the fields that say what a bundle is, decoded first so an unknown version is refused
    /// before its body is read.
    public struct Header: Hashable, Sendable, Codable {
        public var format: String
        public var version: Int
        public var survey: String
    }
}

/// A node's ID and its human name.
public struct NodeInfo: Hashable, Sendable, Codable {
    public var id: NodeID
    public var name: String

    public init(id: NodeID, name: String) {
        self.id = id
        self.name = name
    }
}
