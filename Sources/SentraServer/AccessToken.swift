public import Foundation
public import SentraCore
public import SentraStore

/// Device tokens for the node's HTTP API.
///
/// A token is `sentra_` followed by 64 hex digits (32 bytes from the system's secure random
/// generator). The node stores only its SHA-256, so a copy of the replica file opens nothing;
/// the token itself is shown once, when it is issued.
///
/// ```swift
/// let token = AccessToken.generate()
/// try replica.insertToken(AccessToken.record(for: token, name: "tablet-ani", role: .enumerator, survey: "ikm-konveksi"))
/// ```
public enum AccessToken {
    /// What every token starts with, so it is easy to spot in a leaked file or a log.
    public static let prefix = "sentra_"

    /// A new random token.
    public static func generate() -> String {
        prefix + randomHex()
    }

    /// The SHA-256 of `token`'s UTF-8 bytes, in lowercase hex: what the node stores and looks up.
    public static func hash(_ token: String) -> String {
        hex(SHA256.hash(Array(token.utf8)))
    }

    /// The record to store for a new token: its hash, never the token.
    ///
    /// - Throws: ``ServerError`` (422) when the name is not 1 to 64 letters, digits, `_` or `-`.
    /// - Parameter node: the device's node ID, to bind the token now; nil binds it to the first
    ///   node that syncs with it.
    public static func record(for token: String, name: String, role: Role, survey: String?, node: NodeID? = nil,
                              createdAt: Date = Date()) throws -> TokenRecord {
        guard FormDefinition.isValidName(name) else {
            throw ServerError.invalidInput("token name \"\(name)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
        }
        return TokenRecord(name: name, hash: hash(token), role: role.rawValue, survey: survey, createdAt: createdAt.ISO8601Format(), node: node)
    }

    /// 32 bytes from the system's secure random generator, in lowercase hex.
    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
