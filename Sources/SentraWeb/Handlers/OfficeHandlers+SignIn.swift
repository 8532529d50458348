import Foundation
import Hummingbird
import Logging
import SentraServer

/// The front page: signing in with an access code or a user name and password, and out.
extension OfficeHandlers {
    /// `GET /`: the sign-in page, or the dashboard for a visitor signed in already.
    func signInPage(_ request: Request) async throws -> Response {
        if try await gate.visitor(request) != nil { return OfficeHandlers.redirect(OfficePaths.home) }
        let next = FormBody(request.uri.query ?? "")["next"]
        return signInForm(language: OfficeHandlers.language(request), next: next, message: nil, status: .ok)
    }

    /// The sign-in form with a fresh sign-in token, which its cookie must match on post.
    private func signInForm(language t: Language, next: String?, message: String?, status: HTTPResponse.Status) -> Response {
        let token = SessionID.generate()
        let layout = PageLayout(language: t, title: t("Masuk ke Sentra", "Sign in to Sentra"), survey: nil, section: nil, csrf: nil,
                                signedInAs: nil, path: OfficePaths.signIn)
        let error: HTML = message.map { "<p class=\"error\" role=\"alert\" id=\"signin-error\">\($0)</p>" } ?? .empty
        let hidden: HTML = """
            <input type="hidden" name="signin" value="\(token)">\
            <input type="hidden" name="next" value="\(next ?? "")">
            """
        let page = layout.render("""
            \(error)
            <p>\(t("Halaman kantor: data masuk, beda isian, pemeriksaan dan unduhan.", "The office pages: uploads, conflicts, review and downloads."))</p>
            <h2>\(t("Dengan kode akses", "With an access code"))</h2>
            <form method="post" action="\(OfficePaths.signInPost)" autocomplete="off">\(hidden)
            <div class="field"><label for="token">\(t("Kode akses", "Access code"))</label>
            <input type="password" id="token" name="token" autocomplete="off" spellcheck="false"></div>
            <button type="submit">\(t("Masuk", "Sign in"))</button>
            </form>
            <h2>\(t("Dengan nama pengguna", "With a user name"))</h2>
            <form method="post" action="\(OfficePaths.signInPost)">\(hidden)
            <div class="field"><label for="user">\(t("Nama pengguna", "User name"))</label>
            <input type="text" id="user" name="user" autocomplete="username" autocapitalize="none" spellcheck="false"></div>
            <div class="field"><label for="password">\(t("Kata sandi", "Password"))</label>
            <input type="password" id="password" name="password" autocomplete="current-password"></div>
            <button type="submit">\(t("Masuk", "Sign in"))</button>
            </form>
            """)
        var response = OfficeHandlers.html(page, status: status, cookies: [gate.cookie(SessionGate.signInCookie, token, maxAge: 3600)])
        if status == .tooManyRequests { response.headers[.retryAfter] = "10" }
        return response
    }

    /// `POST /office/signin` with `token`, or `user` and `password`.
    func signIn(_ request: Request) async throws -> Response {
        let t = OfficeHandlers.language(request)
        let form: FormBody
        do { form = try await OfficeHandlers.formBody(request) } catch { return errorPage(error, visitor: nil, language: t, request: request) }
        let next = form["next"].flatMap(OfficeHandlers.safeNext)
        guard let sent = form["signin"], let expected = request.cookies[SessionGate.signInCookie]?.value,
              OfficeHandlers.constantTimeEqual(sent, expected) else {
            return signInForm(language: t, next: next, message: t(
                "Formulir masuk ini kedaluwarsa atau bukan dari Sentra. Coba masuk lagi.",
                "This sign-in form has expired or did not come from Sentra. Try signing in again."), status: .forbidden)
        }
        let outcome: SessionGate.SignIn
        if let token = form["token"], !token.isEmpty {
            outcome = try await gate.signIn(token: token)
        } else if let user = form["user"], !user.isEmpty {
            outcome = try await gate.signIn(user: user, password: form["password"] ?? "")
        } else {
            return signInForm(language: t, next: next, message: t(
                "Isi kode akses, atau nama pengguna dan kata sandi.", "Enter an access code, or a user name and a password."), status: .badRequest)
        }
        // Who tried, for the node's log: the user name typed, never a password or a token.
        let attempt: Logger.Metadata = form["token"]?.isEmpty == false ? ["office.signin": "access code"] : ["office.signin": "user", "office.user": "\(form["user"] ?? "")"]
        switch outcome {
        case .signedIn: site.logger.info("office sign-in", metadata: attempt)
        case .refused, .notOffice: site.logger.notice("office sign-in refused", metadata: attempt)
        }
        switch outcome {
        case .signedIn(let cookie):
            return OfficeHandlers.redirect(next ?? OfficePaths.home, cookies: [cookie, gate.cookie(SessionGate.signInCookie, "", maxAge: 0)])
        case .refused:
            return signInForm(language: t, next: next, message: t(
                "Kode akses, nama pengguna atau kata sandi salah. Periksa lalu coba lagi; tanya kantor bila lupa.",
                "The access code, user name or password is wrong. Check it and try again; ask the office if you forgot it."),
                status: .unauthorized)
        case .notOffice:
            return signInForm(language: t, next: next, message: t(
                "Kode akses ini untuk HP pencacah, bukan untuk halaman kantor. Minta kode akses kantor.",
                "This access code is for an enumerator's device, not for the office pages. Ask for an office access code."),
                status: .forbidden)
        }
    }

    /// `POST /office/signout`: ends the session.
    func signOut(_ request: Request) async throws -> Response {
        let t = OfficeHandlers.language(request)
        guard let visitor = try await gate.visitor(request) else { return OfficeHandlers.redirect(OfficePaths.signIn) }
        let form = try await OfficeHandlers.formBody(request)
        guard visitor.carries(form["csrf"]) else { return csrfRefused(visitor, language: t) }
        return OfficeHandlers.redirect(OfficePaths.signIn, cookies: [try await gate.signOut(visitor)])
    }

    /// `POST /office/language` with `to` and `back`: switches the pages' language (a cookie) and
    /// goes back to the page.
    func switchLanguage(_ request: Request) async throws -> Response {
        let form = try await OfficeHandlers.formBody(request)
        // Signed in, the switch is a form post like any other: it carries the session's token.
        if let visitor = try await gate.visitor(request), !visitor.carries(form["csrf"]) {
            return csrfRefused(visitor, language: OfficeHandlers.language(request))
        }
        let language = form["to"].flatMap(Language.init(rawValue:)) ?? .id
        let back = form["back"].flatMap(OfficeHandlers.safeNext) ?? OfficePaths.signIn
        return OfficeHandlers.redirect(back, cookies: [gate.cookie(SessionGate.languageCookie, language.rawValue, maxAge: 365 * 86_400)])
    }

    /// A path on this node to go to after sign-in: one starting with a single `/`, never another
    /// site's address.
    static func safeNext(_ path: String) -> String? {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), !path.contains("\r"), !path.contains("\n") else { return nil }
        return path
    }
}
