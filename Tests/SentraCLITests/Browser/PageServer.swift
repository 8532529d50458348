import Foundation
import Glibc
import Synchronization

/// A tiny HTTP server on 127.0.0.1 that serves fixed pages, for browser tests that need a real
/// origin (cookies and `fetch` do not work from `file://` pages).
///
/// One thread accepts connections and one thread serves each, off the cooperative pool. Every
/// reply closes its connection. Paths are matched without their query string.
final class PageServer: Sendable {
    /// A reply: its body, content type and extra headers (such as `Set-Cookie`).
    struct Page: Sendable {
        var body: String
        var contentType = "text/html; charset=utf-8"
        var headers: [String: String] = [:]
    }

    /// The server's root, such as `http://127.0.0.1:40123`, without a trailing slash.
    let url: String
    private let listener: Int32
    private let stopped = Mutex(false)

    /// Starts serving `pages`, keyed by path (`/`, `/ping`), on a free port.
    init(pages: [String: Page]) throws {
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw BrowserError(.badResponse, "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 64) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard listening else {
            close(listener)
            throw BrowserError(.badResponse, "could not listen on a loopback port: errno \(errno)")
        }
        self.listener = listener
        url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        let thread = Thread {
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    return  // stop() shut the listener down
                }
                let worker = Thread { Self.serve(connection, pages) }
                worker.start()
            }
        }
        thread.start()
    }

    /// Stops accepting connections. Safe to call twice.
    func stop() {
        guard stopped.withLock({ stopped in defer { stopped = true }; return !stopped }) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }

    /// Reads one request from `connection`, writes the page or a 404, and closes it.
    private static func serve(_ connection: Int32, _ pages: [String: Page]) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.range(of: Data("\r\n\r\n".utf8)) == nil, request.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                request.append(contentsOf: buffer[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return  // closed, or a preconnect that never asked for anything
            }
        }
        let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n", maxSplits: 1).first ?? ""
        let target = line.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let path = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/")
        let page = pages[path]
        let body = Data((page?.body ?? "not found").utf8)
        var head = "HTTP/1.1 \(page == nil ? "404 Not Found" : "200 OK")\r\n"
        head += "Content-Type: \(page?.contentType ?? "text/plain; charset=utf-8")\r\n"
        head += "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n"
        for (name, value) in page?.headers ?? [:] { head += "\(name): \(value)\r\n" }
        let reply = Data((head + "\r\n").utf8) + body
        reply.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = send(connection, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return }
                sent += count
            }
        }
    }
}
