import ArgumentParser
import SentraCore
import SentraStore

/// `sentra restore`: a replica from a backup, under a new node identity.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Make a replica at --db from a backup file, with a new node ID.",
        discussion: """
            The restored node gets a new ID so that it never reuses the numbers of changes its peers \
            already hold. Peers see a new node and send back everything the backup lacks. Tokens are kept.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file (from VACUUM INTO or sqlite3 .backup).") var backup: String
    @OptionGroup var replicaOnly: ReplicaOnlyOption

    func run() throws {
        try Output.run(json: global.json) { output in
            let replica = try Replica.restore(backup: backup, to: global.replicaPath())
            output.emit(Restored(node: replica.node, db: global.databasePath, backup: backup)) {
                "Restored \(backup) to \(global.databasePath) as node \(replica.node.name) (\(replica.node.id)); sync with the peers to get back what the backup lacks"
            }
        }
    }

    private struct Restored: Encodable {
        let node: NodeInfo
        let db: String
        let backup: String
    }
}
