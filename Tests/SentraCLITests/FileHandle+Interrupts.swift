import Foundation
import Glibc

extension FileHandle {
    /// The next bytes, empty at end of file: `availableData`, but a read a signal interrupts
    /// (EINTR, as a child's SIGCHLD may) is read again. Foundation's own reads trap on EINTR
    /// ("Interrupted system call"), which crashed the whole test process on a loaded machine.
    func nextChunk() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno != EINTR { return Data() }
        }
    }

    /// Everything up to end of file, as `readDataToEndOfFile()`, but safe from EINTR.
    func readToEndOfFile() -> Data {
        var data = Data()
        while case let chunk = nextChunk(), !chunk.isEmpty { data.append(chunk) }
        return data
    }
}
