import SentraCore
import SentraStore

/// What the office pages list of one record: its name, its place, who wrote it, its review and
/// its conflicts. Made from a ``RecordView`` and the record's form.
struct RecordSummary: Sendable {
    let id: String
    let form: String
    /// The record's name: its title field's value (``RecordSummary/titleField(of:)``), or its ID.
    let title: String
    /// The value of the form's place field (``RecordSummary/placeField(of:)``), such as the desa.
    let place: String?
    /// The nodes that wrote the record's values (its review left out).
    let authors: [NodeID]
    /// The names of those nodes that this node knows.
    let authorNames: [NodeID: String]
    /// The name of the author of the oldest value still held: the enumerator who made the record,
    /// unless every value of theirs has been replaced.
    let enumerator: String
    /// The newest value's time; what "newest first" sorts by.
    let updated: HybridTimestamp
    let review: ReviewState
    /// The conflicts the record shows, as its form presents them.
    let conflicts: Int
    let deleted: Bool
    /// The record's ID, name and text values in lower case, for the search box.
    let searchText: SearchText

    /// Whether the record counts among the survey's records, as `sentra status` counts them:
    /// deleted records only while they are in conflict.
    var isListed: Bool { !deleted || conflicts > 0 }

    init(_ view: RecordView, form definition: FormDefinition?) {
        id = view.id
        form = view.form
        deleted = view.deleted
        conflicts = view.conflicts.count
        review = ReviewView(view).state
        let valueEntries = view.entries.filter { !$0.key.hasPrefix("_") }.values.joined()
        authors = Set(valueEntries.map(\.node)).sorted()
        var names: [NodeID: String] = [:]
        for entry in valueEntries { names[entry.node] = entry.nodeName }
        authorNames = names
        let oldest = valueEntries.min { ($0.hlc, $0.node) < ($1.hlc, $1.node) }
        enumerator = oldest.map { $0.nodeName ?? $0.node.rawValue } ?? "–"
        updated = view.entries.values.joined().map(\.hlc).max() ?? .zero
        let titleField = definition.flatMap(RecordSummary.titleField) ?? "nama"
        title = view.fields[titleField]?.stringValue ?? view.id
        place = definition.flatMap(RecordSummary.placeField).flatMap { view.fields[$0]?.stringValue }
        var search = view.id
        for (name, value) in view.fields where !name.hasPrefix("_") {
            if let text = value.stringValue { search += "\n" + text }
        }
        searchText = SearchText(search)
    }

    /// The field that names a form's records: the first required text field, or else the first
    /// text field.
    static func titleField(of form: FormDefinition) -> String? {
        let texts = form.fields.filter { $0.type == .text }
        return (texts.first { $0.required } ?? texts.first)?.name
    }

    /// The field the dashboard counts places by: `desa` when the form has it, or else the first
    /// required single-choice field.
    static func placeField(of form: FormDefinition) -> String? {
        if form.field("desa") != nil { return "desa" }
        return form.fields.first { $0.type == .choice && $0.required }?.name
    }
}
