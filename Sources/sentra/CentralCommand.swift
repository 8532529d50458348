import ArgumentParser
import SentraPostgres
import SentraStore

/// `sentra central`: operations on a central node as a whole.
struct CentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central", abstract: "Operate a central node as a whole: move it to PostgreSQL.",
        subcommands: [Migrate.self])

    /// `sentra central migrate --from kantor.db --to postgres://…`.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a SQLite central node into an empty PostgreSQL database, keeping its node ID, logs, tokens and devices.",
            discussion: """
                Stop `sentra serve` on the SQLite file first, and keep the file as a backup. Devices then sync with \
                `sentra serve --postgres URL` at the same address, with the same tokens, and move only what is new.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The SQLite central node to copy.", valueName: "path")) var from: String
        @Option(help: ArgumentHelp("The empty PostgreSQL database to copy it into: postgres://USER:PASSWORD@HOST:PORT/DATABASE.", valueName: "url"))
        var to: String

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let url = try PostgresURL(to)
                let replica = try Replica.open(at: from)
                let copied = try await PostgresStore.migrate(from: replica, to: url, logger: PostgresOption.quietLogger)
                output.emit(copied) { Self.summary(copied, url: url) }
            }
        }

        static func summary(_ copied: CentralMigration, url: PostgresURL) -> String {
            var lines = ["Copied central node \(copied.node.name) (\(copied.node.id)) into \(url)"]
            for survey in copied.surveys {
                lines.append("  survey \(survey.name): \(Plural.count(survey.changes, "change")), \(Plural.count(survey.records, "record")), log \(survey.logID) at \(survey.logPosition)")
                if !survey.forms.isEmpty { lines.append("    forms \(survey.forms.joined(separator: ", "))") }
                if !survey.formsLeft.isEmpty {
                    lines.append("    not copied: imported forms \(survey.formsLeft.joined(separator: ", ")) (they never travel; publish them on the new node if devices need them)")
                }
            }
            lines.append("  \(Plural.count(copied.tokens, "token")), \(Plural.count(copied.users, "office user")), \(Plural.count(copied.names, "known node name"))")
            lines.append("Serve it with: sentra serve --postgres URL (office users sign in again)")
            return lines.joined(separator: "\n")
        }
    }
}
