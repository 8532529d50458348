/// How a form presents a field that holds concurrent values.
///
/// A policy changes presentation only, never the replicated state, so replicas with different
/// policies still converge (Semantics 7).
public enum ConflictPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// List the field as a conflict until someone resolves it. The default.
    case flag
    /// Show the display winner and flag nothing; the other values stay underneath.
    case lww
}
