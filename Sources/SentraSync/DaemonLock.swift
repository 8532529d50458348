import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock that keeps a second daemon off a replica: `flock` on `REPLICA.daemon.lock`.
///
/// The kernel releases it when the process ends, even by kill -9, so a crash never leaves a stale lock.
public final class DaemonLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock for the replica at `path`, or fails saying which process holds it.
    public init(replicaPath path: String) throws(SyncError) {
        let lockPath = path + ".daemon.lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SyncError(.peer, "cannot open \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = read(descriptor, &buffer, buffer.count)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            close(descriptor)
            throw SyncError(.peer, "a sentra daemon is already running on \(path) (pid \(holder))")
        }
        _ = ftruncate(descriptor, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pwrite(descriptor, pid, pid.count, 0)
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
