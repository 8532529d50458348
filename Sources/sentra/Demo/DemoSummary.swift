/// What `sentra demo` reports at the end.
struct DemoSummary: Encodable {
    /// Changes and bytes moved by the syncs.
    struct Traffic {
        var changes = 0
        var bytes = 0
    }

    struct Node: Encodable {
        let name: String
        let path: String
        let records: Int
        let conflicts: Int
    }

    let directory: String
    let nodes: [Node]
    let conflictsFound: Int
    let conflictsResolved: Int
    let changesMoved: Int
    let bytesMoved: Int
    let converged: Bool
    let csv: String
    let csvRows: Int
    let seconds: Double

    /// The summary as a table a person reads.
    var table: String {
        var lines = ["", "node          records  conflicts  file"]
        for node in nodes {
            lines.append(node.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(node.records).leftPadded(7) + String(node.conflicts).leftPadded(11) + "  " + node.path)
        }
        lines.append("")
        lines.append("conflicts found \(conflictsFound), resolved \(conflictsResolved)")
        lines.append("changes moved \(changesMoved), bytes moved \(bytesMoved), time \(String(format: "%.2f", seconds)) s")
        lines.append("CSV export: \(Plural.count(csvRows, "record")) in \(csv)")
        lines.append(converged ? "all replicas hold the same changes" : "REPLICAS DIFFER")
        lines.append("files are in \(directory)")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
