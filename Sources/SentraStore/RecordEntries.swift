package import SentraCore

/// A record's field entries as its row stores them, in the `entries` column: JSON, grouped by
/// the change that wrote them, `[[origin, counter, hlc, {field: value, …}], …]`, sorted by dot.
///
/// A record written once holds one group, the size of the change itself: one row per record
/// instead of one per field value (decision 0008).
package enum RecordEntries {
    /// The entries as the column holds them. Groups are sorted by dot; within a group, fields
    /// are in no particular order (the column is read back, never compared as text).
    package static func json(_ fields: [String: [FieldEntry]]) -> String {
        var groups: [Dot: (hlc: HybridTimestamp, values: [(field: String, value: FieldValue)])] = [:]
        for (field, entries) in fields {
            for entry in entries {
                groups[entry.dot, default: (entry.hlc, [])].values.append((field, entry.value))
            }
        }
        var writer = CanonicalJSONWriter(capacity: 4_096)
        writer.append(raw: "[".utf8)
        for (index, dot) in groups.keys.sorted().enumerated() {
            let group = groups[dot]!
            if index > 0 { writer.append(raw: ",".utf8) }
            writeGroup(dot: dot, hlc: group.hlc, to: &writer) { writer in
                writer.append(raw: "{".utf8)
                for (position, member) in group.values.enumerated() {
                    if position > 0 { writer.append(raw: ",".utf8) }
                    writer.write(member.field)
                    writer.append(raw: ":".utf8)
                    writer.write(member.value)
                }
                writer.append(raw: "}".utf8)
            }
        }
        writer.append(raw: "]".utf8)
        return writer.text
    }

    /// The entries of a record that one change wrote, its values as canonical JSON.
    static func json(single dot: Dot, hlc: HybridTimestamp, valuesJSON: [UInt8]) -> String {
        var writer = CanonicalJSONWriter(capacity: valuesJSON.count + 64)
        writer.append(raw: "[".utf8)
        writeGroup(dot: dot, hlc: hlc, to: &writer) { writer in writer.append(raw: valuesJSON) }
        writer.append(raw: "]".utf8)
        return writer.text
    }

    /// Writes one group, `[origin, counter, hlc, VALUES]`, its values object written by `values`.
    private static func writeGroup(dot: Dot, hlc: HybridTimestamp, to writer: inout CanonicalJSONWriter,
                                   values: (inout CanonicalJSONWriter) -> Void) {
        writer.append(raw: "[".utf8)
        writer.write(dot.origin.rawValue)
        writer.append(raw: ",".utf8)
        writer.write(dot.counter)
        writer.append(raw: ",".utf8)
        writer.write(hlc.rawValue)
        writer.append(raw: ",".utf8)
        values(&writer)
        writer.append(raw: "]".utf8)
    }

    package static func fields(_ json: String) throws -> [String: [FieldEntry]] {
        guard case .array(let groups) = try parse(json) else { throw corrupt("entries are not an array") }
        var fields: [String: [FieldEntry]] = [:]
        for group in groups {
            guard case .array(let parts) = group, parts.count == 4,
                  let originText = parts[0].stringValue, let origin = NodeID(rawValue: originText),
                  case .integer(let counter) = parts[1], case .integer(let hlc) = parts[2],
                  case .object(let values) = parts[3] else {
                throw corrupt("an entry group is not [origin, counter, hlc, {field: value}]")
            }
            let dot = Dot(origin: origin, counter: Int(counter))
            for (field, value) in values {
                fields[field, default: []].append(FieldEntry(dot: dot, hlc: HybridTimestamp(rawValue: hlc), value: value))
            }
        }
        return fields
    }

    /// A record's state from the columns of its row: the form and the change that set it, the
    /// context as JSON, and the entries as ``json(_:)`` writes them.
    package static func record(id: String, form: String, formHLC: Int64, formOrigin: String, formCounter: Int64,
                               context: String, entries: String) throws -> RecordState {
        guard let origin = NodeID(rawValue: formOrigin) else { throw corrupt("the form's origin is not a node ID") }
        let stamp = FieldEntry(dot: Dot(origin: origin, counter: Int(formCounter)), hlc: HybridTimestamp(rawValue: formHLC), value: .string(form))
        guard let context = VersionVector(json: try parse(context)) else {
            throw StoreError(.storage, "the replica holds a record context it cannot read")
        }
        return RecordState(id: id, form: form, formStamp: stamp, fields: try fields(entries), context: context)
    }

    /// A record's context as its row stores it: canonical JSON.
    package static func contextJSON(_ context: VersionVector) -> String {
        var writer = CanonicalJSONWriter(capacity: 128)
        context.write(to: &writer)
        return writer.text
    }

    /// Parses JSON a replica column holds.
    package static func parse(_ json: String) throws -> FieldValue {
        do {
            return try JSONReader.parse(json)
        } catch {
            throw corrupt("\(error)")
        }
    }

    private static func corrupt(_ reason: String) -> StoreError {
        StoreError(.storage, "the replica holds a record it cannot read (\(reason))")
    }
}
