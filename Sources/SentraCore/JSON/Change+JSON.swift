extension Change {
    /// Writes the change as canonical JSON, the same bytes as `JSONEncoder.canonical` gives.
    ///
    /// - Parameter setJSON: the assigned values as ``CanonicalJSONWriter`` wrote them, when the
    ///   caller has them already.
    public func write(to writer: inout CanonicalJSONWriter, setJSON: [UInt8]? = nil) {
        writer.append(raw: #"{"context":"#.utf8)
        context.write(to: &writer)
        writer.append(raw: #","counter":"#.utf8)
        writer.write(dot.counter)
        if case .delete = operation { writer.append(raw: #","delete":true"#.utf8) }
        writer.append(raw: #","form":"#.utf8)
        writer.write(form)
        writer.append(raw: #","hlc":"#.utf8)
        writer.write(hlc.rawValue)
        writer.append(raw: #","origin":"#.utf8)
        writer.write(dot.origin.rawValue)
        writer.append(raw: #","record":"#.utf8)
        writer.write(record)
        if case .assign(let values) = operation {
            writer.append(raw: #","set":"#.utf8)
            if let setJSON { writer.append(raw: setJSON) } else { writer.write(.object(values)) }
        }
        writer.append(raw: "}".utf8)
    }

    /// The change as canonical JSON text.
    public var canonicalJSON: String {
        var writer = CanonicalJSONWriter()
        write(to: &writer)
        return writer.text
    }

    /// Reads a change from parsed JSON, with the checks of `init(from:)`.
    public init(json: FieldValue) throws(CoreError) {
        guard case .object(let members) = json else { throw Self.invalid("a change is not an object") }
        guard case .integer(let counter)? = members["counter"], counter >= 1, counter <= Int64(Int.max) else {
            throw Self.invalid("counter must be an integer of at least 1")
        }
        guard let originText = members["origin"]?.stringValue, let origin = NodeID(rawValue: originText) else {
            throw Self.invalid("invalid origin")
        }
        guard case .integer(let hlc)? = members["hlc"], HybridTimestamp.isInRange(hlc) else {
            throw Self.invalid("hlc must be an integer from 0 to \(HybridTimestamp.greatest.rawValue) (physical time below 2^46 ms)")
        }
        guard let record = members["record"]?.stringValue, RecordID.isValid(record) else { throw Self.invalid("invalid record ID") }
        guard let form = members["form"]?.stringValue, FormDefinition.isValidName(form) else { throw Self.invalid("invalid form name") }
        guard let context = members["context"].flatMap(VersionVector.init(json:)) else { throw Self.invalid("invalid context") }
        let operation: Operation
        let set = members["set"] == .null ? nil : members["set"]
        let delete = members["delete"] == .null ? nil : members["delete"]
        switch (set, delete) {
        case (.object(let values)?, nil), (.object(let values)?, .bool(false)?):
            if let reason = Change.invalidAssignment(values) { throw Self.invalid(reason) }
            operation = .assign(values)
        case (nil, .bool(true)?): operation = .delete
        default: throw Self.invalid("a change has either \"set\" or \"delete\": true")
        }
        self.init(dot: Dot(origin: origin, counter: Int(counter)), hlc: HybridTimestamp(rawValue: hlc), record: record, form: form,
                  context: context, operation: operation)
    }

    /// Reads a list of changes, each with the checks of ``init(json:)``; an error names the
    /// change's index in the list.
    public static func list(json items: [FieldValue]) throws(CoreError) -> [Change] {
        var changes: [Change] = []
        changes.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            do {
                changes.append(try Change(json: item))
            } catch {
                throw CoreError(error.code, "changes[\(index)]: \(error.message)")
            }
        }
        return changes
    }

    private static func invalid(_ reason: String) -> CoreError {
        CoreError(.invalidChange, "invalid change: \(reason)")
    }
}
