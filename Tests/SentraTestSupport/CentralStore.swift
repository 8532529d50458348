/// Which store a central node keeps its state in: the suites that must hold on both run once each.
public enum CentralStore: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }
}
