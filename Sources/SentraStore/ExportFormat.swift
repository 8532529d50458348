/// The format of ``Replica/export(survey:form:format:)``.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// CSV (RFC 4180, CRLF, no BOM): `id`, `form`, one column per field, `conflict`, `deleted`;
    /// cells hold the display values.
    case csv
    /// A pretty-printed JSON array of records, with their display values and conflicts.
    case json
    /// The same records as JSON, one compact object per line.
    case ndjson
}
