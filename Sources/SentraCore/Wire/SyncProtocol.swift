/// Constants of the HTTP sync protocol (Docs/protocol.md).
public enum SyncProtocol {
    /// The protocol version this build speaks. Every request and response body carries it as
    /// `"protocol"`, and the URL path carries it as `/v1`.
    public static let version = 1

    /// The header a client sends its protocol version in on requests without a body.
    public static let versionHeader = "Sentra-Protocol"
}
