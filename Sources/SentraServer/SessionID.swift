/// Session IDs of the office web pages.
///
/// A session ID is 64 hex digits (32 bytes from the system's secure random generator), made as a
/// device token is (``AccessToken``). The browser holds the ID in a cookie; the replica stores only
/// its SHA-256 (`WebSession.idHash`), so a copy of the replica file opens no session.
///
/// ```swift
/// let id = SessionID.generate()
/// try await storage.insertSession(WebSession(idHash: SessionID.hash(id), subject: "dewi", kind: .user, …))
/// ```
public enum SessionID {
    /// A new random session ID.
    public static func generate() -> String {
        AccessToken.randomHex()
    }

    /// The SHA-256 of `id`'s UTF-8 bytes, in lowercase hex: what the replica stores and looks up.
    public static func hash(_ id: String) -> String {
        AccessToken.hash(id)
    }
}
