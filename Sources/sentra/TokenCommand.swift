public import ArgumentParser
public import SentraServer
import SentraStore

/// `sentra token`: the device tokens that open this node's HTTP API.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue, list or revoke the device tokens of `sentra serve`.",
        discussion: """
            Roles: enumerator (sync and read forms), office (also records, conflicts, resolve, export), \
            admin (also tokens, when not scoped to a survey). The replica stores only a SHA-256 of each token.
            """,
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a token and print it, once.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A unique name, such as the device's: 1 to 64 letters, digits, _ or -.") var name: String
        @Option(help: "enumerator, office or admin.") var role: Role
        @Option(help: "Limit the token to this survey.") var survey: String?

        func run() throws {
            try Output.run(json: global.json) { output in
                let replica = try global.openReplica()
                let token = AccessToken.generate()
                try replica.insertToken(AccessToken.record(for: token, name: name, role: role, survey: survey))
                // The token alone on stdout, so `TOKEN=$(sentra token create …)` works; the note on stderr.
                if !global.json {
                    output.warn("token \(name) (\(role.rawValue), \(survey.map { "survey \($0)" } ?? "every survey")) is shown only now; the replica keeps only its hash")
                }
                output.emit(IssuedToken(name: name, role: role, survey: survey, token: token)) { token }
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
                        return "\(token.name)  \(token.role)  \(scope)  created \(token.createdAt)  \(state)"
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
