/// A person who signs in to the office web pages, as the replica stores them: never the password,
/// only its bcrypt hash.
///
/// Names are unique without regard to case: `Dewi` and `dewi` are one user.
public struct OfficeUser: Hashable, Sendable, Codable {
    /// 1 to 64 letters, digits, `_` or `-`, like a token's name.
    public var name: String
    /// `office` or `admin`: users are for the office pages, never `enumerator`.
    public var role: String
    /// The password's bcrypt hash (`$2b$12$…`).
    public var passwordHash: String
    /// When the user was added, as ISO 8601.
    public var createdAt: String
    /// When the user was disabled, as ISO 8601, or nil while the user may sign in.
    public var disabledAt: String?

    public init(name: String, role: String, passwordHash: String, createdAt: String, disabledAt: String? = nil) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    /// Whether the user may still sign in.
    public var isActive: Bool { disabledAt == nil }
}
