/// A sync document that ``CanonicalJSONWriter`` writes directly, the same bytes as
/// `JSONEncoder.canonical` but several times faster: pushes and pulls carry thousands of changes.
public protocol JSONWritable: Encodable {
    func write(to writer: inout CanonicalJSONWriter)
}

extension JSONWritable {
    /// The document as canonical JSON.
    public var canonicalJSONBytes: [UInt8] {
        var writer = CanonicalJSONWriter(capacity: 4_096)
        write(to: &writer)
        return writer.bytes
    }
}
