import SentraCore
import SentraStore

/// Human-readable text for records, entries and conflicts.
enum RecordText {
    /// One line: ID, form, flags and the first few display values.
    static func summary(_ record: RecordView) -> String {
        var flags: [String] = []
        if record.deleted { flags.append("deleted") }
        if !record.conflicts.isEmpty { flags.append("conflict") }
        let values = record.fields.keys.sorted().prefix(4).map { "\($0)=\(record.fields[$0]!.displayText)" }
        return ([record.id, record.form] + (flags.isEmpty ? [] : ["[\(flags.joined(separator: ","))]"]) + values).joined(separator: "  ")
    }

    /// Every field with its display value, and the values in conflict with their authors.
    static func detail(_ record: RecordView) -> String {
        var lines = ["record \(record.id)  form \(record.form)\(record.deleted ? "  DELETED" : "")", "context \(record.context)"]
        let conflicted = Set(record.conflicts.compactMap(\.field))
        for field in record.fields.keys.sorted() {
            lines.append("  \(field) = \(record.fields[field]!.displayText)\(conflicted.contains(field) ? "   (conflict)" : "")")
        }
        for conflict in record.conflicts {
            lines.append(conflict.field.map { "conflict on \($0):" } ?? "conflict: deleted, but edited concurrently:")
            lines += conflict.values.map { "    \(entry($0))" }
        }
        return lines.joined(separator: "\n")
    }

    /// A value with its author and time.
    static func entry(_ entry: EntryView) -> String {
        "\(entry.value.displayText)   by \(entry.nodeName ?? entry.node.rawValue) (\(entry.node):\(entry.counter)) at \(entry.time)"
    }

    /// A conflict in a few lines.
    static func conflict(_ conflict: ConflictView) -> String {
        let title = conflict.field.map { "\(conflict.record)  \($0)" } ?? "\(conflict.record)  (deleted, but edited concurrently)"
        return ([title] + conflict.values.map { "    \(entry($0))" }).joined(separator: "\n")
    }
}

/// Human-readable text for logged changes.
enum ChangeText {
    static func line(_ logged: LoggedChange, names: [NodeID: String]) -> String {
        let change = logged.change
        let what: String = switch change.operation {
        case .delete: "delete"
        case .assign(let values): values.keys.sorted().map { field in
            if field == FieldName.review, let review = Review(values[field]!) { return ChangeText.describe(review) }
            return "\(field)=\(values[field]!.displayText)"
        }.joined(separator: " ")
        }
        let author = names[change.dot.origin] ?? change.dot.origin.rawValue
        return "\(logged.position)  \(change.dot)  \(author)  \(change.record)  \(what)"
    }

    /// A review as a history line shows it: `review hasIssues "NIB kosong" by Dewi`.
    static func describe(_ review: Review) -> String {
        var text = "review \(review.state.rawValue)"
        if !review.note.isEmpty { text += " \"\(review.note)\"" }
        if !review.by.isEmpty { text += " by \(review.by)" }
        return text
    }
}
