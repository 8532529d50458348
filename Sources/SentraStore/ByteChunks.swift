import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One reading of an ``ImportSource``: its bytes, a chunk at a time, appended to the caller's buffer.
final class ByteChunks {
    /// What identifies a file's content between two readings: which file it is, its size and when
    /// it was last written.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
    }

    private enum Storage {
        case file(descriptor: Int32)
        case bytes(Data, offset: Int)
    }

    private var storage: Storage
    private let chunkSize: Int
    /// The file's path, for messages; nil for bytes in memory.
    let path: String?
    /// The file as it was opened; nil for bytes in memory.
    let identity: Identity?
    /// Whether a second reading gives the same bytes: true for bytes in memory and a regular file,
    /// false for a pipe or a device, which can be read only once.
    let isRereadable: Bool

    init(data: Data, chunkSize: Int) {
        storage = .bytes(data, offset: 0)
        self.chunkSize = chunkSize
        path = nil
        identity = nil
        isRereadable = true
    }

    init(path: String, chunkSize: Int) throws {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else { throw Self.readError(path, errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = errno
            close(descriptor)
            throw Self.readError(path, errno: error)
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            close(descriptor)
            throw StoreError(.invalidInput, "cannot read \(path): it is a directory")
        }
        storage = .file(descriptor: descriptor)
        self.chunkSize = chunkSize
        self.path = path
        identity = Self.identity(of: status)
        isRereadable = status.st_mode & S_IFMT == S_IFREG
    }

    /// Whether the file is still as it was opened: the same size, last written at the same time.
    /// Always true for bytes in memory.
    func isUnchanged() throws -> Bool {
        guard case .file(let descriptor) = storage, let path else { return true }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.readError(path, errno: errno) }
        return Self.identity(of: status) == identity
    }

    deinit {
        if case .file(let descriptor) = storage { close(descriptor) }
    }

    /// Appends the next chunk to `buffer`; returns how many bytes it appended, 0 at the end.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` when the file cannot be read.
    func read(appendingTo buffer: inout [UInt8]) throws -> Int {
        switch storage {
        case .bytes(let data, let offset):
            let end = min(offset + chunkSize, data.count)
            guard end > offset else { return 0 }
            buffer.append(contentsOf: data[data.startIndex + offset..<data.startIndex + end])
            storage = .bytes(data, offset: end)
            return end - offset
        case .file(let descriptor):
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunkSize))
            var count: Int
            repeat {
                count = buffer.withUnsafeMutableBytes { readBytes(descriptor, into: $0.baseAddress! + start, count: chunkSize) }
            } while count < 0 && errno == EINTR
            guard count >= 0 else {
                let error = errno
                buffer.removeLast(chunkSize)
                throw Self.readError(path ?? "the file", errno: error)
            }
            buffer.removeLast(chunkSize - count)
            return count
        }
    }

    private static func identity(of status: stat) -> Identity {
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        #else
        let modified = status.st_mtim
        #endif
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                        modified: Int64(modified.tv_sec), modifiedNanoseconds: Int64(modified.tv_nsec))
    }

    private static func readError(_ path: String, errno code: Int32) -> StoreError {
        StoreError(.invalidInput, "cannot read \(path): \(String(cString: strerror(code)))")
    }
}

/// open(2) for reading; outside ``ByteChunks``, whose `read` hides the C function of that name.
private func openForReading(_ path: String) -> Int32 {
    path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
}

/// read(2).
private func readBytes(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    read(descriptor, buffer, count)
}
