import ArgumentParser
import SentraCore

/// The `sentra` command: a thin shell over the replica and its sync.
@main
struct SentraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentra",
        abstract: "Offline-first sync for field survey data.",
        discussion: """
            Every command takes --db PATH (default $SENTRA_DB, else ./sentra.db) and --json. The office's commands \
            take --postgres URL (default $SENTRA_POSTGRES_URL) instead of --db for a central node in PostgreSQL.
            """,
        version: SentraVersion.release,
        subcommands: [
            InitCommand.self, DemoCommand.self, SurveyCommand.self, FormCommand.self, RecordCommand.self, ConflictsCommand.self,
            ResolveCommand.self, ReviewCommand.self, LogCommand.self, StatusCommand.self, ExportCommand.self, BundleCommand.self,
            SyncCommand.self, DaemonCommand.self, ServeCommand.self, TokenCommand.self, UserCommand.self, DevicesCommand.self,
            RestoreCommand.self, CentralCommand.self,
        ]
    )

    /// Parses and runs a command. A mistake in the command line is reported as every other error
    /// is (Docs/cli.md, "Errors"): one `sentra: …` line on stderr with where to find help, and exit
    /// status 1, not ArgumentParser's usage screen and status 64. Help and `--version` print as usual.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard !(error is ExitCode), exitCode(for: error) != .success else { exit(withError: error) }
            // `message(for:)` is the bare message, without the "Error: " of ArgumentParser's usage screen.
            let message = Self.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            exit(withError: Output.usageError("\(message) (see `\(helpCommand(for: arguments))`)", json: arguments.contains("--json")))
        }
    }

    /// `sentra SUBCOMMAND… --help` for the deepest subcommand `arguments` name.
    private static func helpCommand(for arguments: [String]) -> String {
        var path = ["sentra"]
        var commands = configuration.subcommands
        for argument in arguments {
            guard let command = commands.first(where: { $0._commandName == argument }) else { break }
            path.append(argument)
            commands = command.configuration.subcommands
        }
        return (path + ["--help"]).joined(separator: " ")
    }
}
