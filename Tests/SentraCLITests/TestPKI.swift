import Crypto
import Foundation
import SwiftASN1
import X509

/// Certificates made at test time with swift-certificates: an office CA, a node certificate for
/// 127.0.0.1 signed by it, and self-signed ones, written as PEM files into a workspace.
struct TestPKI {
    /// A certificate and its key, as PEM files.
    struct Issued {
        var certificateFile: String
        var keyFile: String
        fileprivate var certificate: Certificate
        fileprivate var key: P256.Signing.PrivateKey
    }

    let workspace: Workspace

    /// A CA named `name`, valid from an hour ago for a day.
    func authority(_ name: String) throws -> Issued {
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            OrganizationName("Dinas Perindustrian Kabupaten Bekasi")
            CommonName(name)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: Date().addingTimeInterval(-3600), notValidAfter: Date().addingTimeInterval(86_400),
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(key))
        return try write(name, certificate, key)
    }

    /// A node certificate for `localhost` and, with `addresses`, `127.0.0.1`, signed by `issuer`,
    /// or self-signed when `issuer` is nil.
    func node(_ name: String, issuedBy issuer: Issued?, addresses: Bool = true) throws -> Issued {
        let names: [GeneralName] = [.dnsName("localhost")] + (addresses ? [.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))] : [])
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName { CommonName(name) }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: Date().addingTimeInterval(-3600), notValidAfter: Date().addingTimeInterval(86_400),
            issuer: issuer?.certificate.subject ?? subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(issuer == nil ? BasicConstraints.isCertificateAuthority(maxPathLength: 0) : BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyCertSign: issuer == nil))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: .init(issuer?.key ?? key))
        return try write(name, certificate, key)
    }

    private func write(_ name: String, _ certificate: Certificate, _ key: P256.Signing.PrivateKey) throws -> Issued {
        let certificateFile = workspace.write("\(name).crt", try certificate.serializeAsPEM().pemString + "\n")
        let keyFile = workspace.write("\(name).key", key.pemRepresentation + "\n")
        return Issued(certificateFile: certificateFile, keyFile: keyFile, certificate: certificate, key: key)
    }
}
