public import Foundation
public import SentraCore

/// What importing a bundle did.
public struct BundleImportResult: Hashable, Sendable, Encodable {
    public var survey: String
    public var sender: NodeInfo
    public var applied: Int
    public var skipped: Int
    public var newConflicts: Int
    /// Applied changes whose HLC was too far ahead for this replica's clock to follow (see
    /// ``ApplyResult/clockAhead``).
    public var clockAhead: Int
    /// The forms the bundle brought that were newer than the ones held.
    public var forms: FormsReceived
}

/// A bundle written by ``Replica/exportBundle(survey:for:)``.
public struct BundleExport: Sendable {
    /// The gzip-compressed bundle.
    public var data: Data
    /// The changes it carries.
    public var changeCount: Int
    /// The node it was written for, when one was named and this replica knows it; nil means the
    /// bundle holds the whole log.
    public var recipient: NodeInfo?
}
