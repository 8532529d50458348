/// Bounds the server puts on one request, so no client can make it run out of memory or hold
/// the replica's write lock for long.
///
/// A request over a limit gets a 413 with a code naming the limit, and changes nothing.
public struct ServerLimits: Hashable, Sendable {
    /// The most bytes of a request body, as sent (`body_too_large`). Default 16 MiB.
    public var maxBodyBytes: Int
    /// The most bytes a gzip request body may decompress to (`decompressed_too_large`). Default 64 MiB.
    public var maxDecompressedBytes: Int
    /// The most changes in one push (`batch_too_large`). Default 5,000.
    public var maxBatchChanges: Int
    /// The most changes one pull returns, whatever the client asks for. Default 5,000.
    public var maxPullLimit: Int

    public init(
        maxBodyBytes: Int = 16 << 20, maxDecompressedBytes: Int = 64 << 20,
        maxBatchChanges: Int = 5_000, maxPullLimit: Int = 5_000
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxBatchChanges = maxBatchChanges
        self.maxPullLimit = maxPullLimit
    }
}
