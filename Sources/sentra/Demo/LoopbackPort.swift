import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks that a TCP port on a loopback address is free before anything long starts, so that
/// `sentra demo --serve --port 8080` fails at once, not after the walkthrough.
enum LoopbackPort {
    /// Binds a socket to `host`:`port` and closes it again; throws a ``CLIError`` that names the
    /// port and the way out when the port is taken. Port 0 (any free port) is always free.
    static func requireFree(host: String, port: Int) throws {
        guard port != 0 else { return }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        // No socket to probe with: the server's own bind reports the failure later.
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // As the server sets it, so a port whose last connections linger in TIME_WAIT counts as free.
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw taken(host: host, port: port, errno: errno) }
    }

    /// The error for a port the server cannot listen on.
    static func taken(host: String, port: Int, errno code: Int32) -> CLIError {
        CLIError("cannot listen on \(host):\(port): \(String(cString: strerror(code))) (errno \(code)); choose another port with --port, or --port 0 for any free one")
    }
}
