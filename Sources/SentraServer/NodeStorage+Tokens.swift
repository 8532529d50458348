public import SentraCore

/// Issuing a token with the checks of `POST /v1/tokens`, for every front end of a node: the API,
/// and the office's device page.
extension NodeStorage {
    /// Issues a new token and stores its hash; the returned ``IssuedToken`` is the only place the
    /// token itself ever appears.
    ///
    /// Refuses, and stores nothing, when:
    /// - `survey` is not held by the node (``ServerError`` 422 `invalid_input`);
    /// - a token named `name` exists, revoked or not (409 `token_exists`);
    /// - `name` is not 1 to 64 letters, digits, `_` or `-` (422 `invalid_input`);
    /// - `node` is this node's own ID (the store's `invalid_input`).
    ///
    /// Who may issue is the caller's business: the API lets admin tokens scoped to no survey.
    /// Pass `token` to know it before it is stored (to draw its QR code first, say); by default a
    /// new one from ``AccessToken/generate()``.
    ///
    /// ```swift
    /// let issued = try await storage.issueToken(name: "hp-ani", role: .enumerator, survey: "ikm-konveksi-2024")
    /// ```
    public func issueToken(name: String, role: Role, survey: String?, node: NodeID? = nil,
                           token: String = AccessToken.generate()) async throws -> IssuedToken {
        if let survey, try await !surveys().contains(survey) {
            throw ServerError.invalidInput("this node does not hold survey \"\(survey)\"")
        }
        if try await self.token(named: name) != nil {
            throw ServerError(status: 409, code: .tokenExists, message: "a token named \(name) exists already; revoke it or choose another name")
        }
        try await insertToken(try AccessToken.record(for: token, name: name, role: role, survey: survey, node: node))
        return IssuedToken(name: name, role: role, survey: survey, node: node, token: token)
    }
}
