/// A sync document read from JSON that ``JSONReader`` parsed, checked as its `Decodable`
/// initializer checks it. When this initializer refuses a document, decoding it with
/// `JSONDecoder` gives the detailed error.
public protocol JSONReadable: Decodable {
    init(json: FieldValue) throws
}

extension JSONReadable {
    /// Reads a document from JSON bytes.
    public init(jsonBytes: some Collection<UInt8>) throws {
        try self.init(json: try JSONReader.parse(jsonBytes))
    }
}
