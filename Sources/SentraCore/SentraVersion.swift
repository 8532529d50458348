/// The release of Sentra this code is: what `sentra --version` prints.
///
/// Bumped in the commit that makes a release, with a line in `Docs/operations.md`'s upgrade notes
/// when the release migrates replicas or changes the sync protocol.
public enum SentraVersion {
    /// The release, as `MAJOR.MINOR.PATCH`.
    public static let release = "0.1.0"
}
