/// A signed-in browser session of the office web pages, as the replica stores it: never the
/// session ID the browser holds, only its SHA-256.
///
/// A session belongs to an office user (``Kind/user``) or to a token pasted into the sign-in page
/// (``Kind/token``). Signing out, disabling the user or revoking the token deletes the row, so
/// the session ends at once on the server.
public struct WebSession: Hashable, Sendable {
    /// What signed the session in.
    public enum Kind: String, Sendable {
        /// An office user, with a name and a password.
        case user
        /// A device token of role office or admin.
        case token
    }

    /// The SHA-256 of the session ID, in lowercase hex: what the replica stores and looks up.
    public var idHash: String
    /// The user's name, or the token's name.
    public var subject: String
    public var kind: Kind
    /// `office` or `admin`: what the session may do.
    public var role: String
    /// The token every form of the session's pages must carry, against cross-site requests.
    public var csrf: String
    /// When the session began, as ISO 8601.
    public var createdAt: String
    /// When the session ends, as ISO 8601: from then on ``Replica/session(idHash:now:)`` finds nothing.
    public var expiresAt: String

    public init(idHash: String, subject: String, kind: Kind, role: String, csrf: String, createdAt: String, expiresAt: String) {
        self.idHash = idHash
        self.subject = subject
        self.kind = kind
        self.role = role
        self.csrf = csrf
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
