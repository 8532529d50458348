import Foundation

extension Replica {
    /// The replica's local date, `YYYY-MM-DD` in the machine's time zone, as a form's `today()`
    /// reads it: an enumerator in Bekasi at 06:00 WIB is on the same day as their calendar.
    func today() -> String {
        let date = Date(timeIntervalSince1970: Double(wallClock()) / 1000)
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
