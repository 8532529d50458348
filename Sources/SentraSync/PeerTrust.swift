import Foundation
import NIOSSL

/// Which certificates a sync client trusts when its peer's URL is `https://`: the system's roots,
/// plus an office's own CA or a node's self-signed certificate.
///
/// ```swift
/// let trust = try PeerTrust(caCertificateFile: "kantor-ca.pem")
/// let transport = try HTTPTransport(baseURL: "https://sentra.kantor.example:8443", token: token, trust: trust)
/// ```
///
/// The peer's certificate must chain to one of the trusted certificates and name the host of the
/// URL (a DNS name, or an IP address for a URL such as `https://192.168.43.1:8443`). When it does
/// not, the sync fails with ``SyncError/Code/tlsUntrusted`` before a byte of the request, and so
/// the token, is sent.
public struct PeerTrust: Sendable {
    /// The certificates trusted beside the system's roots; empty for the system's roots alone.
    let certificates: [NIOSSLCertificate]

    /// The system's roots alone: the trust of a node behind a certificate from a public CA.
    public static let system = PeerTrust(certificates: [])

    /// The client TLS configuration for a request; nil for the HTTP client's default (the system's
    /// roots).
    let tlsConfiguration: TLSConfiguration?

    init(certificates: [NIOSSLCertificate]) {
        self.certificates = certificates
        if certificates.isEmpty {
            tlsConfiguration = nil
        } else {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.additionalTrustRoots = [.certificates(certificates)]
            tlsConfiguration = configuration
        }
    }

    /// The system's roots plus every certificate in a PEM file: an office's CA, or the node's own
    /// self-signed certificate.
    ///
    /// - Throws: ``SyncError`` with code ``SyncError/Code/caCertificate`` when the file is missing,
    ///   unreadable or holds no PEM certificate.
    public init(caCertificateFile path: String) throws(SyncError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw SyncError(.caCertificate, exists ? "cannot read the CA certificate file \(path)" : "the CA certificate file \(path) does not exist")
        }
        let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(data))
        guard let certificates, !certificates.isEmpty else {
            throw SyncError(.caCertificate, "\(path) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        self.init(certificates: certificates)
    }

    /// The sync error for a TLS failure that `baseURL`'s connection ended with, decided by the
    /// error's type and case; nil when `error` is no TLS failure.
    ///
    /// A handshake that failed with a TLS error, or a certificate that does not name the host, is
    /// ``SyncError/Code/tlsUntrusted``. swift-nio-ssl does not say which TLS error (BoringSSL's
    /// reason is only in the description, which is never searched), so this also covers a peer that
    /// answers in plain HTTP on an `https://` URL; the message names both. A peer that hangs up
    /// during the handshake is ``SyncError/Code/unreachable``.
    static func failure(_ error: any Error, baseURL: String) -> SyncError? {
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return SyncError(.tlsUntrusted, "\(baseURL) presented a TLS certificate that is not for this host name or address", underlying: error)
        }
        guard let error = error as? NIOSSLError, case .handshakeFailed(let reason) = error else { return nil }
        if case .sslError(let stack) = reason, stack.contains(.eofDuringHandshake) {
            return SyncError(.unreachable, "\(baseURL) closed the connection during the TLS handshake (does it serve HTTPS?)", underlying: error)
        }
        return SyncError(.tlsUntrusted, "the TLS handshake with \(baseURL) failed: its certificate is not one this device trusts, or it does not serve HTTPS there",
                         underlying: error)
    }
}
