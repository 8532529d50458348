import SentraCore

/// One record as the JSON and NDJSON exports write it: its display values and its conflicts.
///
/// ```json
/// {"conflict": false, "conflicts": [], "deleted": false, "fields": {"nama_usaha": "Konveksi Maju"},
///  "form": "usaha", "id": "0192…", "review": {"by": "", "note": "", "state": "received"}}
/// ```
struct ExportedRecord: Encodable {
    var id: String
    var form: String
    var deleted: Bool
    /// Whether the record has any conflict, as its form's policies present them.
    var conflict: Bool
    /// The display winner of each field.
    var fields: [String: FieldValue]
    var conflicts: [ConflictView]
    /// The review: state, note, reviewer and time.
    var review: Review

    init(_ view: RecordView) {
        id = view.id
        form = view.form
        deleted = view.deleted
        conflict = !view.conflicts.isEmpty
        fields = view.fields.filter { !$0.key.hasPrefix("_") }
        conflicts = view.conflicts
        review = Review(ReviewView(view))
    }
}

extension ExportedRecord {
    /// A record's review in an export: `{"state", "note", "by", "node", "nodeName", "time"}`.
    struct Review: Encodable {
        var state: ReviewState
        var note: String
        var by: String
        var node: NodeID?
        var nodeName: String?
        var time: String?

        init(_ view: ReviewView) {
            state = view.state
            note = view.note
            by = view.by
            node = view.node
            nodeName = view.nodeName
            time = view.time
        }
    }
}
