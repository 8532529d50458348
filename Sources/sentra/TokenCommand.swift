public import ArgumentParser
public import SentraServer
import Foundation
import SentraCore
import SentraQR
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

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a token and print it, once.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A unique name, such as the device's: 1 to 64 letters, digits, _ or -.") var name: String
        @Option(help: "enumerator, office or admin.") var role: Role
        @Option(help: "Limit the token to this survey.") var survey: String?
        @Option(help: ArgumentHelp("Bind the token to this device's node ID now (see its `sentra status`); else the first node that syncs with it owns it.", valueName: "node-id"))
        var node: String?
        @Option(help: ArgumentHelp("The node's address as a phone reaches it, for the enrolment link of --qr and --qr-svg.", valueName: "url"))
        var url: String?
        @Flag(help: "Also print the enrolment link and its QR code, for a phone's camera to open (needs --url).")
        var qr = false
        @Option(help: ArgumentHelp("Write the enrolment link's QR code as SVG to this file, to print (needs --url).", valueName: "file"))
        var qrSvg: String?
        @OptionGroup var postgres: PostgresOption

        func validate() throws {
            if let node, NodeID(rawValue: node) == nil {
                throw ValidationError("--node \"\(node)\" is not a node ID: 1 to 64 letters, digits, \".\", \"_\" or \"-\"")
            }
            // Checked before the token is created, so a mistake here creates nothing.
            if url == nil, qr || qrSvg != nil {
                throw ValidationError("\(qr ? "--qr" : "--qr-svg") needs --url, the node's address as the phone reaches it, such as --url https://kantor.example:8443")
            }
            if let url {
                do { _ = try EnrolmentLink.nodeURL(url) } catch let error as QRError { throw ValidationError("--url \(error.message)") }
            }
        }

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let token = AccessToken.generate()
                let node = node.flatMap(NodeID.init(rawValue:))
                let enrolment = try await postgres.withCentralStorage(global) { storage in
                    // Encoded before the token is stored: a link too long for a QR code creates nothing.
                    let enrolment = try self.enrolment(for: token)
                    if let qrSvg, let code = enrolment?.code {
                        try Data(code.svg().utf8).write(to: URL(fileURLWithPath: qrSvg))
                    }
                    do {
                        try await storage.insertToken(try AccessToken.record(for: token, name: name, role: role, survey: survey, node: node))
                    } catch {
                        // No code of a token that was never stored.
                        if let qrSvg { try? FileManager.default.removeItem(atPath: qrSvg) }
                        throw error
                    }
                    return enrolment
                }
                // The token alone on stdout (on the first line with --url), so `TOKEN=$(sentra token create …)`
                // works; the note on stderr.
                if !global.json {
                    let owner = node.map { "node \($0)" } ?? "the first node that syncs with it"
                    output.warn("token \(name) (\(role.rawValue), \(survey.map { "survey \($0)" } ?? "every survey"), for \(owner)) is shown only now; the replica keeps only its hash")
                }
                let issued = IssuedToken(name: name, role: role, survey: survey, node: node, token: token)
                guard let enrolment else { return output.emit(issued) { token } }
                output.emit(Enrolled(issued: issued, enrolURL: enrolment.link.url, qrSVG: qrSvg)) {
                    var lines = [token, enrolment.link.url]
                    if qr, let code = enrolment.code {
                        lines += [code.terminalText(), "Scan the code with the phone's camera to open Sentra in its browser and enrol it with this token."]
                    }
                    return lines.joined(separator: "\n")
                }
            }
        }

        /// The enrolment link for `token` when `--url` is given, and its QR code when asked for.
        private func enrolment(for token: String) throws -> (link: EnrolmentLink, code: QRCode?)? {
            guard let url else { return nil }
            let link = EnrolmentLink(node: try EnrolmentLink.nodeURL(url), token: token, survey: survey)
            return (link, qr || qrSvg != nil ? try QRCode(text: link.url) : nil)
        }
    }

    /// `sentra token create --url … --json`: the issued token, its enrolment link, and where its
    /// QR code was written.
    struct Enrolled: Encodable {
        let issued: IssuedToken
        let enrolURL: String
        let qrSVG: String?

        private enum CodingKeys: String, CodingKey { case enrolURL, qrSVG }

        func encode(to encoder: any Encoder) throws {
            try issued.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(enrolURL, forKey: .enrolURL)
            try container.encodeIfPresent(qrSVG, forKey: .qrSVG)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens, revoked ones included (never the tokens).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                let tokens = try await postgres.withCentralStorage(global) { try await $0.tokens() }.map(TokenInfo.init)
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

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token: it opens nothing from now on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's name.") var name: String
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            try await Output.run(json: global.json) { output in
                try await postgres.withCentralStorage(global) { try await $0.revokeToken(named: name) }
                output.emit(["revoked": name]) { "Token \(name) revoked" }
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
