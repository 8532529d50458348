import Foundation

/// Where an import reads its rows: a file, read in chunks so that its size does not matter, or
/// bytes already in memory. An import of more than one batch reads it twice (see
/// ``Replica/importRecords(contentsOf:format:survey:form:schemaless:batchSize:)``).
enum ImportSource: Sendable {
    case file(URL)
    case bytes(Data)

    /// The size of the chunks a file is read in: large enough that reading costs nothing beside
    /// the writes, small enough that memory stays flat.
    static let chunkSize = 1 << 20

    /// A new reading from the first byte, in chunks of at most `chunkSize` bytes.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` when the file cannot be opened or is a directory.
    func open(chunkSize: Int = ImportSource.chunkSize) throws -> ByteChunks {
        precondition(chunkSize >= 1, "a chunk holds at least one byte")
        switch self {
        case .file(let url): return try ByteChunks(path: url.path, chunkSize: chunkSize)
        case .bytes(let data): return ByteChunks(data: data, chunkSize: chunkSize)
        }
    }
}
