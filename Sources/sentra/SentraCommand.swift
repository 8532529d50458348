import ArgumentParser

/// The `sentra` command: a thin shell over the replica and its sync.
@main
struct SentraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentra",
        abstract: "Offline-first sync for field survey data.",
        discussion: "Every command takes --db PATH (default $SENTRA_DB, else ./sentra.db) and --json.",
        subcommands: [
            InitCommand.self, DemoCommand.self, SurveyCommand.self, FormCommand.self, RecordCommand.self, ConflictsCommand.self,
            ResolveCommand.self, LogCommand.self, StatusCommand.self, ExportCommand.self, BundleCommand.self,
            SyncCommand.self, DaemonCommand.self, ServeCommand.self, TokenCommand.self, DevicesCommand.self, RestoreCommand.self,
        ]
    )
}
