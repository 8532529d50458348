/// The office's review of a record: the value of the reserved field `_review` (decision 0013).
///
/// ```json
/// "_review": {"state": "hasIssues", "note": "NIB kosong", "by": "Dewi"}
/// ```
///
/// State and note are one value, so two reviews made without seeing each other are two entries of
/// one field: an ordinary conflict. The author node and the time are the entry's dot and HLC.
public struct Review: Hashable, Sendable {
    public var state: ReviewState
    /// What the reviewer says; empty when nothing.
    public var note: String
    /// The person who reviewed, as the writer names them; empty when not given.
    public var by: String

    public init(state: ReviewState, note: String = "", by: String = "") {
        self.state = state
        self.note = note
        self.by = by
    }

    /// Reads a `_review` value; nil when it is not an object with a known `state` and string
    /// `note` and `by` (both optional), and nothing else.
    public init?(_ value: FieldValue) {
        guard case .object(let members) = value, let text = members["state"]?.stringValue, let state = ReviewState(rawValue: text),
              members.keys.allSatisfy({ ["state", "note", "by"].contains($0) }) else { return nil }
        let note = members["note"] ?? .string("")
        let by = members["by"] ?? .string("")
        guard let noteText = note.stringValue, let byText = by.stringValue,
              noteText.unicodeScalars.count <= Self.maximumNoteLength, byText.unicodeScalars.count <= 200 else { return nil }
        self.init(state: state, note: noteText, by: byText)
    }

    /// The longest note accepted, in Unicode scalars.
    public static let maximumNoteLength = 4_000

    /// The review as the field holds it.
    public var value: FieldValue {
        .object(["state": .string(state.rawValue), "note": .string(note), "by": .string(by)])
    }

    /// Why `change` may not carry this review when its writer is not an office node, or nil when it
    /// may: only `edited`, in a change that also sets at least one user field.
    public static func refusalForNonOffice(_ change: Change) -> String? {
        guard case .assign(let values) = change.operation, let value = values[FieldName.review] else { return nil }
        guard let review = Review(value), review.state.isFieldState else {
            return "change \(change.dot) sets the review of record \(change.record); only office nodes review"
        }
        guard values.keys.contains(where: FieldName.isValidUserField) else {
            return "change \(change.dot) marks record \(change.record) edited without editing it"
        }
        return nil
    }
}
