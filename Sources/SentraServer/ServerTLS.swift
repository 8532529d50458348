import Foundation
public import NIOSSL
import SentraCore

/// The certificate and private key a node serves HTTPS with, read from PEM files and checked
/// before the server listens.
///
/// ```swift
/// let tls = try ServerTLS(certificateFile: "/etc/sentra/node.crt", keyFile: "/etc/sentra/node.key")
/// let server = NodeServer(storage: storage, host: "0.0.0.0", port: 8443, tls: tls, logger: logger)
/// ```
///
/// The certificate file holds the node's certificate first, then any intermediate certificates.
/// A file that is missing or unreadable, a file that holds no PEM certificate or key, or a key that
/// does not belong to the certificate is refused with a ``ServerError`` whose code is
/// `tls_configuration`: the node never starts half configured. That error is never sent over HTTP.
public struct ServerTLS: Sendable {
    /// The server side TLS configuration: TLS 1.2 or later, no client certificates asked for.
    public let configuration: TLSConfiguration

    /// Reads and checks a PEM certificate chain and its private key.
    public init(certificateFile: String, keyFile: String) throws(ServerError) {
        let chainBytes = try Self.read(certificateFile, what: "certificate")
        let keyBytes = try Self.read(keyFile, what: "private key")
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(chainBytes)
        } catch {
            throw Self.failure("\(certificateFile) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        guard !chain.isEmpty else {
            throw Self.failure("\(certificateFile) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: keyBytes, format: .pem)
        } catch {
            throw Self.failure("\(keyFile) holds no unencrypted PEM private key (-----BEGIN PRIVATE KEY-----)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            // BoringSSL refuses here a key that does not belong to the first certificate.
            _ = try NIOSSLContext(configuration: configuration)
        } catch let error as NIOSSLError where error == .failedToLoadPrivateKey {
            throw Self.failure("the private key in \(keyFile) does not belong to the certificate in \(certificateFile)")
        } catch {
            throw Self.failure("cannot serve TLS with \(certificateFile) and \(keyFile): \(error)")
        }
        self.configuration = configuration
    }

    private static func read(_ path: String, what: String) throws(ServerError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("the TLS \(what) file \(path) does not exist")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw failure("cannot read the TLS \(what) file \(path)")
        }
        return Array(data)
    }

    private static func failure(_ message: String) -> ServerError {
        ServerError(status: 500, code: WireErrorCode(rawValue: "tls_configuration"), message: message)
    }
}
