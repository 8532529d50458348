/// A form as it travels between replicas: the definition, the node that published it, and when.
///
/// `GET /v1/surveys/{survey}/forms` answers a list of these, and a bundle carries them. A replica
/// keeps the highest version of each form it is given and never takes back a form it published
/// itself (decision 0003).
///
/// ```json
/// {"form": {"name": "usaha", "version": 2, "fields": [...]},
///  "publisher": {"id": "…", "name": "kantor"}, "publishedAt": "2026-12-02T08:00:00Z"}
/// ```
public struct PublishedForm: Hashable, Sendable, Codable {
    public var form: FormDefinition
    /// The node where `sentra form publish` ran: the office.
    public var publisher: NodeInfo
    /// When it was published, as ISO 8601 text.
    public var publishedAt: String

    public init(form: FormDefinition, publisher: NodeInfo, publishedAt: String) {
        self.form = form
        self.publisher = publisher
        self.publishedAt = publishedAt
    }
}
