package import Foundation

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

    /// Refuses (``StoreError`` `.invalidInput`) times that are not ISO 8601 in UTC, or a role that
    /// is not `office` or `admin`: what every store checks before it stores a session.
    package func check() throws {
        guard Self.time(createdAt) != nil, Self.time(expiresAt) != nil else {
            throw StoreError(.invalidInput, "a session's times must be ISO 8601 in UTC, such as 2026-11-29T03:15:00Z")
        }
        guard OfficeUser.roles.contains(role) else {
            throw StoreError(.invalidInput, "a session's role must be office or admin, not \"\(role)\"")
        }
    }

    /// Whether the session has ended by `now` (an unreadable end counts as ended).
    package func hasExpired(by now: Date) -> Bool {
        guard let end = Self.time(expiresAt) else { return true }
        return now >= end
    }

    /// `text` as a date when it is ISO 8601 in UTC (ending in `Z`), with or without fractional seconds.
    static func time(_ text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        return (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
}
