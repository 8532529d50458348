import Foundation
import NIOSSL
@testable import SentraSync
import Testing

/// `--ca-cert` files, and TLS failures told apart by their type and case, never by their text.
/// (Syncs over real HTTPS are in SentraCLITests/TLSTests.)
@Suite struct PeerTrustTests {
    @Test func aMissingEmptyOrNonPEMCAFileIsACACertificateError() throws {
        let directory = TemporaryDirectory()
        let empty = directory.path("empty.pem")
        let text = directory.path("notes.pem")
        FileManager.default.createFile(atPath: empty, contents: Data())
        FileManager.default.createFile(atPath: text, contents: Data("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8))
        for path in [directory.path("missing.pem"), empty, text, directory.url.path] {
            #expect(throws: SyncError.self, "\(path)") { _ = try PeerTrust(caCertificateFile: path) }
            do {
                _ = try PeerTrust(caCertificateFile: path)
            } catch {
                #expect(error.code == .caCertificate, "\(path): \(error)")
                #expect(error.message.contains(path), "the message names the file: \(error.message)")
            }
        }
        #expect(PeerTrust.system.tlsConfiguration == nil, "no --ca-cert: the HTTP client's default, the system's roots")
    }

    @Test func aRefusedHandshakeOrAnotherHostsCertificateIsTLSUntrusted() {
        let url = "https://127.0.0.1:8443"
        let untrusted: [any Error] = [
            NIOSSLError.handshakeFailed(.sslError([])),
            NIOSSLError.handshakeFailed(.syscallError),
            NIOSSLExtraError.failedToValidateHostname,
        ]
        for error in untrusted {
            #expect(PeerTrust.failure(error, baseURL: url)?.code == .tlsUntrusted, "\(error)")
        }
    }

    @Test func aHangUpDuringTheHandshakeIsUnreachableAndOtherErrorsAreNotTLSFailures() {
        let url = "https://127.0.0.1:8443"
        #expect(PeerTrust.failure(NIOSSLError.handshakeFailed(.sslError([.eofDuringHandshake])), baseURL: url)?.code == .unreachable)
        let others: [any Error] = [NIOSSLError.uncleanShutdown, CocoaError(.fileNoSuchFile), SyncError(.peer, "x")]
        for error in others {
            #expect(PeerTrust.failure(error, baseURL: url) == nil, "\(error)")
        }
    }
}
