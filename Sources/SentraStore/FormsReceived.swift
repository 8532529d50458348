/// What a delivery of forms changed on the receiving replica.
public struct FormsReceived: Hashable, Sendable, Codable {
    /// The forms replaced by a newer version: name → the version now held.
    public var updated: [String: Int64] = [:]
    /// Forms that were not taken, each with a line saying why.
    public var refused: [String] = []

    public init(updated: [String: Int64] = [:], refused: [String] = []) {
        self.updated = updated
        self.refused = refused
    }
}
