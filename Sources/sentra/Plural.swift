/// Counts as people write them: "1 change", "2 changes", "0 changes".
enum Plural {
    /// `count` and `noun`, with `plural` (default: `noun` + "s") unless `count` is 1.
    static func count<T: BinaryInteger>(_ count: T, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
