/// What a device token may do. Each role may do everything the roles below it may.
///
/// - ``enumerator``: sync (state, push, pull) and read the forms: a field device.
/// - ``office``: also read records and conflicts, resolve conflicts and export.
/// - ``admin``: also issue, list and revoke tokens (with a token not scoped to a survey).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case enumerator
    case office
    case admin

    private var rank: Int {
        switch self {
        case .enumerator: 0
        case .office: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
