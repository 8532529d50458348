import SentraCore

/// The `--max-clock-ahead` setting: how far ahead of this node's wall clock a received change's
/// HLC may be for the node's clock to follow it, written as a duration such as `24h`, `90m`,
/// `30s` or `2d`.
enum ClockAheadOption {
    /// The environment variable that sets it when the option is not given.
    static let environment = "SENTRA_MAX_CLOCK_AHEAD"

    /// Milliseconds for `text`, or nil when it is not a positive whole number followed by one of
    /// `s`, `m`, `h` or `d`.
    static func parse(_ text: String) -> Int64? {
        guard let unit = text.last, let count = Int64(text.dropLast()), count >= 0 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1_000
        case "m": scale = 60_000
        case "h": scale = 3_600_000
        case "d": scale = 86_400_000
        default: return nil
        }
        let (milliseconds, overflow) = count.multipliedReportingOverflow(by: scale)
        return overflow || milliseconds >= HybridTimestamp.physicalLimit ? nil : milliseconds
    }

    /// `milliseconds` as the largest whole unit that writes it exactly, such as `24h`.
    static func describe(_ milliseconds: Int64) -> String {
        for (unit, scale) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000)] where milliseconds >= scale && milliseconds % scale == 0 {
            return "\(milliseconds / scale)\(unit)"
        }
        return "\(milliseconds / 1_000)s"
    }
}
