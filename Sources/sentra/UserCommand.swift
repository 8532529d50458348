import ArgumentParser
import Foundation
import SentraCore
import SentraServer
import SentraStore

/// `sentra user`: the office users who sign in to the node's office web pages.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list, disable office users of the office web pages, or set their passwords.",
        discussion: """
            Roles: office (records, conflicts, review, export) and admin (also tokens); users are for the office \
            pages, so never enumerator. The replica stores only a bcrypt hash of each password, which must be at \
            least \(PasswordInput.minimumLength) characters: typed at the terminal without echo, or one line on \
            standard input with --password-stdin.
            """,
        subcommands: [Add.self, List.self, Passwd.self, Disable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an office user with a password.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A unique name, in any case: 1 to 64 letters, digits, _ or -.") var name: String
        @Option(help: "office or admin.") var role: Role
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var postgres: PostgresOption

        func validate() throws {
            guard role != .enumerator else {
                throw ValidationError("--role must be office or admin: users are for the office pages; give a device an enumerator token")
            }
        }

        func run() async throws {
            try await Output.run(json: global.json) { output in
                try await postgres.withCentralStorage(global) { storage in
                    guard FormDefinition.isValidName(name) else {
                        throw CLIError("user name \"\(name)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
                    }
                    if let taken = try await storage.user(named: name) {
                        throw StoreError(.userExists, "a user named \(taken.name) exists already; choose another name")
                    }
                    let password = try PasswordInput.read(for: name, fromStdin: passwordStdin)
                    let user = OfficeUser(name: name, role: role.rawValue, passwordHash: PasswordHash.make(password),
                                          createdAt: Date().ISO8601Format())
                    try await storage.addUser(user)
                    output.emit(UserInfo(user)) { "User \(name) (\(role.rawValue)) added" }
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users, disabled ones included (never their password hashes).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let users = try await postgres.withCentralStorage(global) { try await $0.users() }.map(UserInfo.init)
                output.emit(users) {
                    guard !users.isEmpty else { return "No users; add one with `sentra user add`" }
                    return users.map { user in
                        "\(user.name)  \(user.role)  created \(user.createdAt)" + (user.disabledAt.map { "  disabled \($0)" } ?? "")
                    }.joined(separator: "\n")
                }
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd", abstract: "Set a user's password; the user's browser sessions end.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's name.") var name: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                try await postgres.withCentralStorage(global) { storage in
                    guard let user = try await storage.user(named: name) else {
                        throw StoreError(.unknownUser, "no user named \(name)")
                    }
                    let password = try PasswordInput.read(for: user.name, fromStdin: passwordStdin)
                    try await storage.setPassword(user: user.name, hash: PasswordHash.make(password))
                    output.emit(["passwordSet": user.name]) { "Password of \(user.name) set; their sessions ended" }
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: no more sign-ins, and their browser sessions end now.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's name.") var name: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let user = try await postgres.withCentralStorage(global) { storage in
                    try await storage.disableUser(named: name, at: Date())
                    return try await storage.user(named: name)
                }
                output.emit(["disabled": user?.name ?? name]) { "User \(user?.name ?? name) disabled; their sessions ended" }
            }
        }
    }

    /// A user as `sentra user list` shows it: never the password hash.
    struct UserInfo: Encodable {
        var name: String
        var role: String
        var createdAt: String
        var disabledAt: String?

        init(_ user: OfficeUser) {
            name = user.name
            role = user.role
            createdAt = user.createdAt
            disabledAt = user.disabledAt
        }

        private enum CodingKeys: String, CodingKey { case name, role, createdAt, disabledAt }

        /// Writes an active user's `disabledAt` as null, so every entry has the same keys.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(role, forKey: .role)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(disabledAt, forKey: .disabledAt)
        }
    }
}
