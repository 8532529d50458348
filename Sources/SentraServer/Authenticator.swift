import Foundation
import Hummingbird
import SentraStore

/// Checks a request's bearer token against the route's least role and survey.
///
/// - No token, or one the node does not know or has revoked: 401.
/// - A role below the route's, a token scoped to another survey, or a scoped token on a route
///   outside `/v1/surveys/`: 403.
struct Authenticator: Sendable {
    let storage: any NodeStorage

    /// The token that opens `route` for `survey`; nil for a route that needs none.
    func authorize(_ request: Request, route: NodeRoutes.Route, survey: String?) async throws -> TokenRecord? {
        guard let required = route.role else { return nil }
        guard let token = Authenticator.bearerToken(request.headers[.authorization]) else {
            throw ServerError.unauthorized("this route needs a device token: send \"Authorization: Bearer TOKEN\"")
        }
        guard let record = try await storage.token(hash: AccessToken.hash(token)), record.isActive else {
            throw ServerError.unauthorized("the token is unknown or revoked; ask the office for a new one")
        }
        guard let role = Role(rawValue: record.role) else {
            throw ServerError.forbidden("token \(record.name) has an unknown role \"\(record.role)\"")
        }
        if let scope = record.survey {
            guard route.isSurveyScoped else {
                throw ServerError.forbidden("token \(record.name) is scoped to survey \"\(scope)\"; this route needs an admin token for every survey")
            }
            guard scope == survey else {
                throw ServerError.forbidden("token \(record.name) is for survey \"\(scope)\", not \"\(survey ?? "")\"")
            }
        }
        guard role >= required else {
            throw ServerError.forbidden("token \(record.name) has role \(role.rawValue); this route needs \(required.rawValue)")
        }
        return record
    }

    /// The token of an `Authorization: Bearer TOKEN` header; the scheme is case-insensitive.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
