import ArgumentParser
import SentraCore
import SentraPostgres
import SentraStore

/// `sentra init`: creates a replica, or with `--postgres` a central node in PostgreSQL.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a replica with a new node ID.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "A human name for this node, such as tablet-ani.") var name: String
    @Option(help: "The survey this replica holds; commands use it by default.") var survey: String
    @Flag(help: "Make this replica an office node, which may review records: the central node, or an office laptop.") var office = false
    @OptionGroup var postgres: PostgresOption

    func run() async throws {
        try await Output.run(json: global.json) { output in
            if let url = try postgres.url(db: global.db) {
                let store = try await PostgresStore.create(url, name: name, survey: survey, logger: PostgresOption.quietLogger)
                defer { store.close() }
                output.emit(Created(node: store.node, survey: survey, db: store.url)) {
                    "Created central node \(store.node.name) (\(store.node.id)) in \(store.url), survey \(survey)"
                }
                return
            }
            let replica = try Replica.create(at: global.databasePath, name: name, survey: survey)
            if office { try replica.setOffice(true) }
            output.emit(Created(node: replica.node, survey: survey, db: global.databasePath)) {
                "Created replica \(global.databasePath): node \(replica.node.name) (\(replica.node.id)), survey \(survey)"
            }
        }
    }

    private struct Created: Encodable {
        let node: NodeInfo
        let survey: String
        let db: String
    }
}
