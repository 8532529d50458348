/// Where a record stands in the office's review (decision 0013).
public enum ReviewState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not reviewed yet: a record without a `_review` field.
    case received
    /// The office asks for a revisit; the note says what is wrong.
    case hasIssues
    /// Checked and fine: part of the clean data.
    case approved
    /// Not part of the census (a duplicate, not a garment maker).
    case rejected
    /// The enumerator changed a record that had issues: waiting for another look.
    case edited

    /// Whether a node that is not an office may write this state: only `edited`, with an edit.
    public var isFieldState: Bool { self == .edited }
}
