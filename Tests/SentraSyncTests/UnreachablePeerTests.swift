import Foundation
@testable import SentraSync
import Testing

/// A peer that cannot be reached is `unreachable`, told by the error's type (a refused
/// connection), not by searching its description.
@Suite struct UnreachablePeerTests {
    @Test func aClosedPortIsUnreachableInOneLine() async throws {
        let port = try Self.closedPort()
        let transport = try HTTPTransport(baseURL: "http://127.0.0.1:\(port)", token: "sentra_x")
        let error = try await #require(throws: SyncError.self) { _ = try await transport.state(survey: "ikm") }
        #expect(error.code == .unreachable)
        #expect(error.message.contains("connection refused or timed out"), "\(error.message)")
        #expect(!error.message.contains("\n"))
    }

    /// A loopback port nothing listens on: bound, then closed.
    static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw SyncError(.unreachable, "cannot bind a test socket") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
