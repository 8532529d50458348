/// The format of a file of records to import with ``Replica/importRecords(contentsOf:format:survey:form:schemaless:batchSize:)``.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// CSV (RFC 4180) with a header row of field names and an optional `id` column. Cells are
    /// text, typed by the form's field types, or read as JSON literals when the form is not
    /// defined; an empty cell leaves the field out.
    case csv
    /// One JSON object per line: an optional string `"id"`, and the record's fields as JSON values.
    case ndjson
}
