import SentraCore

/// Reads a review state named on the command line (`--state`), with a one-line error.
enum ReviewStateArgument {
    static func parse(_ text: String) throws -> ReviewState {
        guard let state = ReviewState(rawValue: text) else {
            throw CLIError("--state must be one of \(ReviewState.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"")
        }
        return state
    }
}
