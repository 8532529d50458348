import Foundation
import Hummingbird
import SentraServer
import SentraStore

/// Signs clerks in and out, and finds the session of each request.
///
/// A session is a random ID in a cookie that is `HttpOnly`, `SameSite=Strict`, and `Secure`
/// when the node serves HTTPS. The node keeps only the ID's SHA-256, with the session's CSRF
/// token and expiry (decision 0014). Every form post of a signed-in page must carry that CSRF
/// token; the sign-in form itself carries a token matched against a short-lived cookie, so no
/// other site can sign a clerk in under its own account.
struct SessionGate: Sendable {
    static let sessionCookie = "sentra_session"
    static let signInCookie = "sentra_signin"
    static let languageCookie = "sentra_lang"

    let storage: any NodeStorage
    /// Whether cookies are marked `Secure`: the node serves HTTPS.
    let secure: Bool
    /// How long a session lasts after sign-in.
    let lifetime: TimeInterval
    /// The time now, as sessions are opened and checked.
    let clock: @Sendable () -> Date
    let throttle: SignInThrottle

    /// The visitor whose live session the request's cookie names, or nil.
    func visitor(_ request: Request) async throws -> OfficeVisitor? {
        guard let id = request.cookies[SessionGate.sessionCookie]?.value, !id.isEmpty else { return nil }
        let hash = SessionID.hash(id)
        guard let session = try await storage.session(idHash: hash, now: clock()),
              let role = Role(rawValue: session.role), role >= .office else { return nil }
        var survey: String?
        if session.kind == .token {
            guard let token = try await storage.token(named: session.subject), token.isActive else { return nil }
            survey = token.survey
        }
        return OfficeVisitor(sessionHash: hash, subject: session.subject, kind: session.kind, role: role, csrf: session.csrf, survey: survey)
    }

    /// What a sign-in attempt came to.
    enum SignIn {
        /// A new session: its cookie.
        case signedIn(cookie: String)
        /// Wrong name, password or token: the same answer for each, after the throttle's wait.
        case refused
        /// A token that is valid but not the office's (an enumerator's).
        case notOffice
    }

    /// Signs in with an access token (`sentra token create`), which must have the office or
    /// admin role.
    func signIn(token: String) async throws -> SignIn {
        let key = "token"
        guard let record = try await storage.token(hash: AccessToken.hash(token.trimmingCharacters(in: .whitespacesAndNewlines))),
              record.isActive, let role = Role(rawValue: record.role) else {
            try await Task.sleep(for: await throttle.failed(key))
            return .refused
        }
        guard role >= .office else { return .notOffice }
        await throttle.succeeded(key)
        return .signedIn(cookie: try await open(subject: record.name, kind: .token, role: role))
    }

    /// Signs in with a user name and password (`sentra user add`).
    func signIn(user name: String, password: String) async throws -> SignIn {
        let key = "user:" + name.lowercased()
        let user = try await storage.user(named: name)
        // A missing user costs a hash check too, so the time does not tell which names exist.
        let hash = user?.passwordHash ?? SessionGate.decoyHash
        let matches = await Task.detached { PasswordHash.verify(password, hash: hash) }.value
        guard let user, user.isActive, matches, let role = Role(rawValue: user.role), role >= .office else {
            try await Task.sleep(for: await throttle.failed(key))
            return .refused
        }
        await throttle.succeeded(key)
        return .signedIn(cookie: try await open(subject: user.name, kind: .user, role: role))
    }

    private func open(subject: String, kind: WebSession.Kind, role: Role) async throws -> String {
        let id = SessionID.generate()
        let now = clock()
        try await storage.insertSession(WebSession(
            idHash: SessionID.hash(id), subject: subject, kind: kind, role: role.rawValue, csrf: SessionID.generate(),
            createdAt: now.ISO8601Format(), expiresAt: now.addingTimeInterval(lifetime).ISO8601Format()))
        return cookie(SessionGate.sessionCookie, id, maxAge: Int(lifetime))
    }

    /// Ends the visitor's session; answers the cookie that clears it in the browser.
    func signOut(_ visitor: OfficeVisitor) async throws -> String {
        try await storage.deleteSession(idHash: visitor.sessionHash)
        return cookie(SessionGate.sessionCookie, "", maxAge: 0)
    }

    /// A `Set-Cookie` value: `HttpOnly`, `SameSite=Strict`, for the whole node, `Secure` under TLS.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// A bcrypt hash of a random password nobody knows, checked when a user name is unknown.
    private static let decoyHash = PasswordHash.make(SessionID.generate(), cost: 12)
}
