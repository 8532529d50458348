import Foundation

/// Formats milliseconds since 1970 as ISO 8601 UTC with milliseconds: `2026-11-29T03:15:00.123Z`.
struct ISO8601Time {
    let text: String

    init(milliseconds: Int64) {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        text = date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
