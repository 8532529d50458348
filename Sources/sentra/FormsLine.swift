/// How commands that receive forms say so.
enum FormsLine {
    /// `"\nNew form: usaha version 2"`, one line per form, or nothing.
    static func updated(_ forms: [String: Int64]) -> String {
        forms.sorted { $0.key < $1.key }.map { "\nNew form: \($0.key) version \($0.value)" }.joined()
    }
}
