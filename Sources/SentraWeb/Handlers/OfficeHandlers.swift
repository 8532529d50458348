import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SentraCore
import SentraServer
import SentraStore

/// The office pages' handlers: the sign-in and the frame every page shares (who is signed in,
/// the CSRF check of every post, errors as pages). The pages themselves are in extensions.
struct OfficeHandlers: Sendable {
    let site: OfficeSite
    var storage: any NodeStorage { site.storage }
    var gate: SessionGate { site.gate }

    /// The largest form post the pages take (a bulk review of a page of records is a few KB).
    static let maxFormBody = 1 << 20

    // MARK: Signed-in pages

    /// Runs a signed-in page of the survey in the path: signs the visitor in first, and shows a
    /// failure as a page with its status.
    func page(_ request: Request, _ context: BasicRequestContext, body: (PageContext) async throws -> Response) async throws -> Response {
        let language = OfficeHandlers.language(request)
        guard let visitor = try await gate.visitor(request) else {
            return OfficeHandlers.redirect(OfficePaths.signIn + "?next=" + FormBody.encode(request.uri.path))
        }
        do {
            let page = try await pageContext(request, context, visitor: visitor, language: language)
            return try await body(page)
        } catch {
            return errorPage(error, visitor: visitor, language: language, request: request)
        }
    }

    /// Runs a form post of a signed-in page: refuses it unless it carries the session's CSRF token.
    func post(_ request: Request, _ context: BasicRequestContext, body: (PageContext, FormBody) async throws -> Response) async throws -> Response {
        let language = OfficeHandlers.language(request)
        guard let visitor = try await gate.visitor(request) else {
            return errorPage(status: .unauthorized, language: language, message: language(
                "Anda belum masuk, atau sesi sudah berakhir. Masuk lagi, lalu ulangi.",
                "You are not signed in, or your session has ended. Sign in again, then try again."), visitor: nil)
        }
        do {
            let form = try await OfficeHandlers.formBody(request)
            guard visitor.carries(form["csrf"]) else { return csrfRefused(visitor, language: language) }
            let page = try await pageContext(request, context, visitor: visitor, language: language)
            return try await body(page, form)
        } catch {
            return errorPage(error, visitor: visitor, language: language, request: request)
        }
    }

    private func pageContext(_ request: Request, _ context: BasicRequestContext, visitor: OfficeVisitor, language: Language) async throws -> PageContext {
        let survey = try OfficeHandlers.parameter("survey", context)
        guard visitor.mayOpen(survey) else {
            throw ServerError(status: 403, code: .forbidden, message: language(
                "Kode akses ini hanya untuk survei \(visitor.survey ?? "").", "This access code is for survey \(visitor.survey ?? "") only."))
        }
        guard try await storage.surveys().contains(survey) else {
            throw ServerError(status: 404, code: .unknownSurvey, message: language(
                "Node ini tidak menyimpan survei \"\(survey)\".", "This node does not hold survey \"\(survey)\"."))
        }
        return PageContext(visitor: visitor, language: language, survey: survey, path: request.uri.path,
                           query: FormBody(request.uri.query ?? "").first)
    }

    /// `/office/`: the first survey the visitor may open.
    func home(_ request: Request) async throws -> Response {
        guard let visitor = try await gate.visitor(request) else { return OfficeHandlers.redirect(OfficePaths.signIn) }
        let surveys = try await storage.surveys().filter(visitor.mayOpen)
        guard let first = surveys.first else {
            let language = OfficeHandlers.language(request)
            return errorPage(status: .notFound, language: language, message: language("Node ini belum menyimpan survei.", "This node holds no survey yet."),
                             visitor: visitor)
        }
        return OfficeHandlers.redirect(OfficePaths.survey(first))
    }

    // MARK: Responses

    /// A page: `no-store`, no framing, scripts from this node only.
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
        ]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page.markup)))
    }

    /// 303 See Other to `location`: after a post, or to the sign-in page.
    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A failure as a page: the error's status, and its message, which names the cause.
    func errorPage(_ error: any Error, visitor: OfficeVisitor?, language: Language, request: Request) -> Response {
        let failure = ServerError(error)
        if failure.isServerFault {
            site.logger.error("office page failed", metadata: ["http.path": "\(request.uri.path)", "error.detail": "\(String(reflecting: error))"])
        }
        return errorPage(status: HTTPResponse.Status(code: failure.status), language: language, message: failure.message, visitor: visitor)
    }

    /// 403 for a form post that does not carry the session's CSRF token: from another site, or
    /// from a page of an earlier session.
    func csrfRefused(_ visitor: OfficeVisitor, language t: Language) -> Response {
        errorPage(status: .forbidden, language: t, message: t(
            "Formulir ini ditolak: tanda keamanannya tidak cocok. Buka lagi halamannya dari Sentra, lalu kirim ulang.",
            "This form was refused: its security token does not match. Open the page from Sentra again, then resend."),
            visitor: visitor)
    }

    func errorPage(status: HTTPResponse.Status, language: Language, message: String, visitor: OfficeVisitor?) -> Response {
        let t = language
        let layout = PageLayout(language: language, title: t("Tidak bisa dilanjutkan", "Cannot continue"), survey: nil, section: nil,
                                csrf: visitor?.csrf, signedInAs: visitor?.subject, path: OfficePaths.home)
        let back: HTML = visitor == nil
            ? "<a href=\"\(OfficePaths.signIn)\">\(t("Ke halaman masuk", "To the sign-in page"))</a>"
            : "<a href=\"\(OfficePaths.home)\">\(t("Ke ringkasan", "To the dashboard"))</a>"
        return OfficeHandlers.html(layout.render("<p class=\"error\" role=\"alert\">\(message)</p><p>\(back)</p>"), status: status)
    }

    // MARK: Requests

    /// The language the visitor chose, Indonesian unless the cookie says otherwise.
    static func language(_ request: Request) -> Language {
        request.cookies[SessionGate.languageCookie].flatMap { Language(rawValue: $0.value) } ?? .id
    }

    /// A form post's fields; only `application/x-www-form-urlencoded` (what a page's form sends).
    static func formBody(_ request: Request) async throws -> FormBody {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw ServerError(status: 415, code: .invalidBody, message: "this page takes a form post (application/x-www-form-urlencoded)")
        }
        let buffer = try await request.body.collect(upTo: maxFormBody)
        return FormBody(String(buffer: buffer))
    }

    /// A path parameter, percent-decoded.
    static func parameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        guard let value = raw.removingPercentEncoding, !value.isEmpty else {
            throw ServerError(status: 400, code: .invalidQuery, message: "the path parameter \(name) \"\(raw)\" is not valid percent-encoding")
        }
        return value
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
