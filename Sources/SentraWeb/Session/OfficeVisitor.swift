import SentraServer
import SentraStore

/// Who is signed in to the office pages, from their session: a user or an office token.
struct OfficeVisitor: Sendable {
    /// The SHA-256 of the session ID, for sign-out.
    let sessionHash: String
    /// The user name, or the token's name.
    let subject: String
    let kind: WebSession.Kind
    let role: Role
    /// The token every form post of the session must carry.
    let csrf: String
    /// The one survey a survey-scoped token may see; nil for every survey.
    let survey: String?

    /// Whether a form post's `csrf` field is the session's token, compared in constant time.
    func carries(_ sent: String?) -> Bool {
        guard let sent else { return false }
        return OfficeHandlers.constantTimeEqual(sent, csrf)
    }

    /// Whether the visitor may see `survey`'s pages.
    func mayOpen(_ survey: String) -> Bool {
        self.survey == nil || self.survey == survey
    }
}
