import CSentraZlib
package import Foundation

/// gzip compression of whole buffers, through the system zlib.
package enum Gzip {
    /// A failure to compress or decompress: what kind, and a message for people.
    package struct Failure: Error, Sendable {
        /// What went wrong, for callers to match.
        package enum Kind: Sendable {
            /// The data decompresses to more than the limit (a gzip bomb, or just too big).
            case tooLarge
            /// The stream is truncated, corrupted, or has data after its end.
            case malformed
            /// zlib could not start or finish.
            case zlib
        }

        package let kind: Kind
        package let message: String

        init(_ kind: Kind, _ message: String) {
            self.kind = kind
            self.message = message
        }
    }

    /// The level for HTTP bodies. Level 1 compressed a sync batch about 2.5 times faster but 38%
    /// larger; since a sync compresses the next batch while the peer applies the last, the
    /// smaller bodies of level 6 cost no time (Docs/performance.md, P3 and P5).
    package static let wireLevel: Int32 = 6

    /// `data` compressed as one gzip member.
    package static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(.zlib, "cannot start gzip compression")
        }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, UInt(data.count))) + 32)
        let status: Int32 = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(.zlib, "gzip compression failed (\(status))") }
        output.count = Int(stream.total_out)
        return output
    }

    /// The content of gzip `data`, refusing more than `limit` bytes of output.
    package static func decompress(_ data: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(.zlib, "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        try data.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBytes { out -> Int32 in
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                guard output.count <= limit else { throw Failure(.tooLarge, "decompresses to more than \(limit) bytes") }
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in == 0 else { throw Failure(.malformed, "has data after its end") }
                    return
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw Failure(.malformed, "is truncated")
                default:
                    throw Failure(.malformed, "is corrupted (zlib \(status))")
                }
            }
        }
        return output
    }
}
