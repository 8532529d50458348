extension VersionVector {
    /// Writes the vector as canonical JSON: an object from origin to counter, keys sorted.
    public func write(to writer: inout CanonicalJSONWriter) {
        writer.writeObject(Dictionary(uniqueKeysWithValues: counters.map { ($0.key.rawValue, $0.value) })) { writer, counter in
            writer.write(counter)
        }
    }

    /// Reads a vector from parsed JSON, or nil if it is not an object of origins to counters.
    public init?(json: FieldValue) {
        guard case .object(let members) = json else { return nil }
        var counters: [NodeID: Int] = [:]
        for (key, value) in members {
            guard let origin = NodeID(rawValue: key), case .integer(let counter) = value, counter >= 0, counter <= Int64(Int.max) else {
                return nil
            }
            counters[origin] = Int(counter)
        }
        self.init(counters)
    }
}
