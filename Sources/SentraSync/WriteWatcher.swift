import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the daemon when the replica's files change, through inotify: no polling, no CPU while
/// nothing happens. Every change to the replica's database or WAL file is reported; the daemon
/// then checks whether it was a local write.
final class WriteWatcher: Sendable {
    private let descriptor: Int32

    /// Starts watching; `onChange` runs on the watcher's own thread.
    init(replicaPath path: String, onChange: @escaping @Sendable () -> Void) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0, inotify_add_watch(descriptor, directory, UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)) >= 0 else {
            return
        }
        let descriptor = descriptor
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                if Self.names(in: buffer[0..<count]).contains(where: { $0 == name || $0 == name + "-wal" }) {
                    onChange()
                }
            }
        }
        thread.name = "sentra.write-watcher"
        thread.start()
    }

    /// The file names in a buffer of inotify events.
    private static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let length = Int(bytes[offset + 12]) | Int(bytes[offset + 13]) << 8 | Int(bytes[offset + 14]) << 16 | Int(bytes[offset + 15]) << 24
            let start = offset + header
            let end = min(start + length, bytes.endIndex)
            names.append(String(decoding: bytes[start..<end].prefix { $0 != 0 }, as: UTF8.self))
            offset = start + length
        }
        return names
    }
}
