import Foundation
import SentraServer
import Testing

/// `ServerTLS` refuses files it cannot serve with, with code `tls_configuration`, before any server
/// is built. (A key that does not match its certificate, and serving HTTPS, are tested with
/// certificates made at test time in SentraCLITests/TLSTests.)
@Suite struct ServerTLSTests {
    @Test func missingOrNonPEMFilesAreRefusedWithACode() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sentra-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("notes.txt").path
        FileManager.default.createFile(atPath: text, contents: Data("not a certificate\n".utf8))
        let missing = directory.appendingPathComponent("missing.pem").path
        let attempts: [(certificate: String, key: String, named: String)] = [
            (missing, text, missing),
            (text, missing, missing),
            (text, text, text),
            (directory.path, text, directory.path),
        ]
        for attempt in attempts {
            do {
                _ = try ServerTLS(certificateFile: attempt.certificate, keyFile: attempt.key)
                Issue.record("\(attempt) was accepted")
            } catch {
                #expect(error.code.rawValue == "tls_configuration", "\(attempt): \(error)")
                #expect(error.message.contains(attempt.named), "\(attempt): the message names the file: \(error.message)")
            }
        }
    }
}
