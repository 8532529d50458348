import SentraCore

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

    /// The roles a user may have: users sign in to the office pages, never as an enumerator.
    package static let roles: Set<String> = ["office", "admin"]

    /// Refuses (``StoreError`` `.invalidInput`) a name that is not 1 to 64 letters, digits, `_` or
    /// `-` (as a token's), or a role that is not `office` or `admin`: what every store checks
    /// before it adds a user.
    package func check() throws {
        guard FormDefinition.isValidName(name) else {
            throw StoreError(.invalidInput, "user name \"\(name)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
        }
        guard Self.roles.contains(role) else {
            throw StoreError(.invalidInput, "a user's role must be office or admin, not \"\(role)\"")
        }
    }
}
