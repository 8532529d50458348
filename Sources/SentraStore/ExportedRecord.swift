import SentraCore

/// One record as the JSON and NDJSON exports write it: its display values and its conflicts.
///
/// ```json
/// {"conflict": false, "conflicts": [], "deleted": false, "fields": {"nama_usaha": "Konveksi Maju"},
///  "form": "usaha", "id": "0192…"}
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

    init(_ view: RecordView) {
        id = view.id
        form = view.form
        deleted = view.deleted
        conflict = !view.conflicts.isEmpty
        fields = view.fields
        conflicts = view.conflicts
    }
}
