import SentraCore

/// The pages' names for review states, in both languages (UX brief: one plain word per concept).
extension Language {
    func review(_ state: ReviewState) -> String {
        switch state {
        case .received: self("Diterima", "Received")
        case .hasIssues: self("Perlu diperbaiki", "Has issues")
        case .approved: self("Disetujui", "Approved")
        case .rejected: self("Ditolak", "Rejected")
        case .edited: self("Sudah diperbaiki", "Edited")
        }
    }

    /// The icon shown before a review state, so the state never reads by colour alone.
    static func icon(_ state: ReviewState) -> String {
        switch state {
        case .received: "●"
        case .hasIssues: "⚠"
        case .approved: "✓"
        case .rejected: "✕"
        case .edited: "↻"
        }
    }

    /// "3 Des 2026 10.42" from an ISO 8601 time, in UTC (the office's clock is not the device's).
    func time(_ iso: String?) -> String {
        guard let iso, iso.count >= 16 else { return "–" }
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return iso }
        let months = self == .id
            ? ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let clock = iso.dropFirst(11).prefix(5)
        return "\(day) \(months[month - 1]) \(parts[0]) \(self == .id ? clock.replacingOccurrences(of: ":", with: ".") : String(clock))"
    }
}
