public import SentraCore

/// A form a replica holds, with where it came from.
public struct HeldForm: Hashable, Sendable, Encodable {
    /// How a form reached this replica.
    public enum Source: String, Hashable, Sendable, Encodable {
        /// `sentra form import`: for this replica only; it does not travel.
        case imported
        /// `sentra form publish` on this replica: it travels with every sync.
        case published
        /// Delivered by a sync or a bundle; it travels on, as a relay passes changes on.
        case received
    }

    public var definition: FormDefinition
    public var source: Source
    /// The node that published it; nil for an import.
    public var publisher: NodeInfo?
    /// When it was published, as ISO 8601 text; nil for an import.
    public var publishedAt: String?
    /// The peer that delivered it, for a received form.
    public var receivedFrom: NodeInfo?
    /// When this replica stored it, as ISO 8601 text.
    public var updatedAt: String?

    package init(definition: FormDefinition, source: Source, publisher: NodeInfo? = nil, publishedAt: String? = nil,
                 receivedFrom: NodeInfo? = nil, updatedAt: String? = nil) {
        self.definition = definition
        self.source = source
        self.publisher = publisher
        self.publishedAt = publishedAt
        self.receivedFrom = receivedFrom
        self.updatedAt = updatedAt
    }

    public var name: String { definition.name }
    public var version: Int64 { definition.version }

    /// The form as it travels, if it does: published or received, never imported.
    public var published: PublishedForm? {
        guard source != .imported, let publisher else { return nil }
        return PublishedForm(form: definition, publisher: publisher, publishedAt: publishedAt ?? "")
    }

    /// Where it came from, in a few words: `published here`, `from kantor via supervisor-1`, `imported`.
    public var origin: String {
        switch source {
        case .imported: "imported"
        case .published: "published here"
        case .received:
            if let receivedFrom, let publisher, receivedFrom.id != publisher.id {
                "from \(publisher.name) via \(receivedFrom.name)"
            } else {
                "from \(publisher?.name ?? "?")"
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, version, source, origin, publisher, publishedAt, receivedFrom, updatedAt, title, fields
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(definition.title, forKey: .title)
        try container.encode(version, forKey: .version)
        try container.encode(definition.fields.count, forKey: .fields)
        try container.encode(source, forKey: .source)
        try container.encode(origin, forKey: .origin)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encodeIfPresent(publishedAt, forKey: .publishedAt)
        try container.encodeIfPresent(receivedFrom, forKey: .receivedFrom)
        try container.encodeIfPresent(updatedAt, forKey: .updatedAt)
    }
}
