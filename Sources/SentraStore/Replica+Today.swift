extension Replica {
    /// The replica's local date, `YYYY-MM-DD` in the machine's time zone, as a form's `today()`
    /// reads it (see ``LocalWriteRules/localDate(milliseconds:)``).
    func today() -> String {
        LocalWriteRules.localDate(milliseconds: wallClock())
    }
}
