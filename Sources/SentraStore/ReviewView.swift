public import SentraCore

/// A record's review as `sentra review list` and the office routes show it: the state every replica
/// displays, its note, who wrote it and when.
public struct ReviewView: Hashable, Sendable, Encodable {
    public var record: String
    public var form: String
    public var state: ReviewState
    public var note: String
    /// The person the reviewer named; empty when not given.
    public var by: String
    /// The node that wrote the review, and its name; nil for a record never reviewed.
    public var node: NodeID?
    public var nodeName: String?
    /// When the review was written, ISO 8601 UTC; nil for a record never reviewed.
    public var time: String?
    /// Whether two reviews were written without seeing each other and wait to be settled.
    public var inConflict: Bool
    /// The nodes that wrote the record's values (its review left out), by ID: the enumerators
    /// whose record it is.
    public var authors: [NodeID]

    /// The review `record` shows.
    public init(_ record: RecordView) {
        self.record = record.id
        form = record.form
        let entries = record.entries[FieldName.review] ?? []
        let shown = record.fields[FieldName.review].flatMap(Review.init)
        let entry = entries.first { $0.value == record.fields[FieldName.review] }
        state = shown?.state ?? .received
        note = shown?.note ?? ""
        by = shown?.by ?? ""
        node = entry?.node
        nodeName = entry?.nodeName
        time = entry?.time
        inConflict = entries.count > 1
        authors = Set(record.entries.filter { $0.key != FieldName.review }.values.joined().map(\.node)).sorted()
    }
}

extension Replica {
    /// The survey's records that are not deleted, with their reviews, optionally of one state and
    /// one form, by record ID.
    ///
    /// - Parameter author: only the records holding a value that node wrote (an enumerator's own).
    public func reviews(survey: String, state: ReviewState? = nil, form: String? = nil, author: NodeID? = nil) throws -> [ReviewView] {
        try records(survey: survey, form: form).map(ReviewView.init)
            .filter { (state == nil || $0.state == state) && (author == nil || $0.authors.contains(author!)) }
    }
}
