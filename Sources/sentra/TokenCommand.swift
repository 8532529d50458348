public import ArgumentParser
public import SentraServer
import SentraCore
import SentraStore

/// `sentra token`: the device tokens that open this node's HTTP API.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue, list or revoke the device tokens of `sentra serve`.",
        discussion: """
            Roles: enumerator (sync and read forms), office (also records, conflicts, resolve, export), \
            admin (also tokens, when not scoped to a survey). The replica stores only a SHA-256 of each token. \
            A token belongs to one device: to the node named with --node, or else to the first node that syncs with it.
            """,
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a token and print it, once.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A unique name, such as the device's: 1 to 64 letters, digits, _ or -.") var name: String
        @Option(help: "enumerator, office or admin.") var role: Role
        @Option(help: "Limit the token to this survey.") var survey: String?
        @Option(help: ArgumentHelp("Bind the token to this device's node ID now (see its `sentra status`); else the first node that syncs with it owns it.", valueName: "node-id"))
        var node: String?

        func validate() throws {
            if let node, NodeID(rawValue: node) == nil {
                throw ValidationError("--node \"\(node)\" is not a node ID: 1 to 64 letters, digits, \".\", \"_\" or \"-\"")
            }
        }

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let token = AccessToken.generate()
                let node = node.flatMap(NodeID.init(rawValue:))
                try replica.insertToken(AccessToken.record(for: token, name: name, role: role, survey: survey, node: node))
                // The token alone on stdout, so `TOKEN=$(sentra token create …)` works; the note on stderr.
                if !global.json {
                    let owner = node.map { "node \($0)" } ?? "the first node that syncs with it"
                    output.warn("token \(name) (\(role.rawValue), \(survey.map { "survey \($0)" } ?? "every survey"), for \(owner)) is shown only now; the replica keeps only its hash")
                }
                output.emit(IssuedToken(name: name, role: role, survey: survey, node: node, token: token)) { token }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens, revoked ones included (never the tokens).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Output.run(json: global.json) { output in
                let tokens = try global.openReplica().tokens().map(TokenInfo.init)
                output.emit(tokens) {
                    guard !tokens.isEmpty else { return "No tokens; create one with `sentra token create`" }
                    return tokens.map { token in
                        let scope = token.survey.map { "survey \($0)" } ?? "every survey"
                        let state = token.revokedAt.map { "revoked \($0)" } ?? "active"
                        let owner = token.node.map { "node \($0)" } ?? "not bound yet"
                        return "\(token.name)  \(token.role)  \(scope)  \(owner)  created \(token.createdAt)  \(state)"
                    }.joined(separator: "\n")
                }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token: it opens nothing from now on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's name.") var name: String

        func run() throws {
            try Output.run(json: global.json) { output in
                try global.openReplica().revokeToken(named: name)
                output.emit(["revoked": name]) { "Token \(name) revoked" }
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
