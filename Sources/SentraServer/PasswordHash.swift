import HummingbirdBcrypt

/// Office users' passwords, as bcrypt hashes (from hummingbird-auth).
///
/// A hash carries its own random salt and cost (`$2b$12$…`), so two hashes of one password
/// differ and ``verify(_:hash:)`` needs nothing else. Bcrypt reads at most the first 72 bytes of
/// a password.
///
/// Both calls are slow on purpose (about a quarter of a second at cost 12): a server runs them
/// off Swift's cooperative threads.
///
/// ```swift
/// let hash = PasswordHash.make("kantor-cibarusah")
/// PasswordHash.verify("kantor-cibarusah", hash: hash)  // true
/// ```
public enum PasswordHash {
    /// A new bcrypt hash of `password`, with a new random salt.
    ///
    /// - Parameter cost: the log2 of bcrypt's rounds, 4 to 31; 12 unless a test wants speed.
    public static func make(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` is the one `hash` was made from. A hash that is not bcrypt verifies nothing.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
