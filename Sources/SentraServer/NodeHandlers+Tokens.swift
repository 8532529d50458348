import Foundation
import Hummingbird
import SentraCore
import SentraStore

/// The admin's routes: issue, list and revoke device tokens.
extension NodeHandlers {
    /// The body of `POST /v1/tokens`.
    struct TokenRequest: Decodable {
        var name: String
        var role: String
        var survey: String?
        /// The device's node ID, to bind the token at once.
        var node: String?
    }

    /// `GET /v1/tokens`: every token, revoked ones included, without hashes.
    func listTokens(_ request: Request) async throws -> Response {
        try ResponseBuilder.json(try await storage.tokens().map(TokenInfo.init), for: request)
    }

    /// `POST /v1/tokens`: issues a token and answers 201 with it, the only time it is shown.
    func createToken(_ request: Request) async throws -> Response {
        let body = try await reader.decode(TokenRequest.self, from: request, requireProtocol: false)
        guard let role = Role(rawValue: body.role) else {
            throw ServerError.invalidInput("role must be enumerator, office or admin, not \"\(body.role)\"")
        }
        // The store refuses the node's own ID (422 invalid_input), as for `sentra token create --node`.
        let node = try body.node.map { text in
            guard let node = NodeID(rawValue: text) else {
                throw ServerError.invalidInput("node \"\(text)\" is not a node ID: 1 to 64 letters, digits, \".\", \"_\" or \"-\"")
            }
            return node
        }
        let issued = try await storage.issueToken(name: body.name, role: role, survey: body.survey, node: node)
        return try ResponseBuilder.json(issued, status: .created, for: request)
    }

    /// `DELETE /v1/tokens/{name}`: revokes the token; revoking a revoked token is no error.
    func revokeToken(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let name = try parameter("name", context)
        guard try await storage.token(named: name) != nil else {
            throw ServerError(status: 404, code: .unknownToken, message: "no token named \(name)")
        }
        try await storage.revokeToken(named: name)
        return ResponseBuilder.empty(status: .noContent)
    }
}
