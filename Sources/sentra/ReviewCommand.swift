import ArgumentParser
import SentraCore
import SentraStore

/// `sentra review`: the office's review of records, and the device's list of revisits.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Review records (office nodes), or list what to revisit (devices).",
        subcommands: [SetReview.self, List.self, Todo.self])

    struct SetReview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a record's review state and note; it reaches the devices at their next sync. Office nodes only.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Argument(help: "The record's ID.") var id: String
        @Option(help: "hasIssues, approved, rejected, received or edited.") var state: String
        @Option(help: "What the enumerator should know, such as \"NIB kosong\".") var note = ""
        @Option(help: "Who reviews, as the office names them.") var by = ""
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let state = try ReviewStateArgument.parse(state)
                let review = Review(state: state, note: note, by: by)
                let change = try await postgres.withCentralStorage(global) { storage in
                    try await storage.setReview(survey: survey.survey(of: storage), record: id, review: review)
                }
                output.emit(RecordCommand.Written(id: id, change: change.dot.description)) { "Record \(id) is now \(state.rawValue)" }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List records with their review state, note, reviewer and time.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Option(help: "Only records in this state.") var state: String?
        @Option(help: "Only records of this form.") var form: String?
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let wanted = try state.map(ReviewStateArgument.parse)
                let reviews = try await postgres.withCentralStorage(global) { storage in
                    try await storage.reviews(survey: survey.survey(of: storage), state: wanted, form: form).reviews
                }
                output.emit(reviews) { ReviewCommand.lines(reviews, empty: "No records") }
            }
        }
    }

    struct Todo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The records holding this device's values that the office sent back to revisit (has issues), with its notes.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var survey: SurveyOptions
        @Flag(help: "Every record with issues, not only this device's.") var all = false
        @OptionGroup var replicaOnly: ReplicaOnlyOption

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let reviews = try replica.reviews(survey: survey.survey(of: replica), state: .hasIssues, author: all ? nil : replica.node.id)
                output.emit(reviews) { ReviewCommand.lines(reviews, empty: "Nothing to revisit") }
            }
        }
    }

    static func lines(_ reviews: [ReviewView], empty: String) -> String {
        guard !reviews.isEmpty else { return empty }
        return reviews.map { review in
            var line = "\(review.record)\t\(review.state.rawValue)"
            if !review.note.isEmpty { line += "\t\(review.note)" }
            if let author = review.by.isEmpty ? review.nodeName : review.by { line += "\t\(author)" }
            if let time = review.time { line += "\t\(time)" }
            if review.inConflict { line += "\t(conflict)" }
            return line
        }.joined(separator: "\n")
    }
}
