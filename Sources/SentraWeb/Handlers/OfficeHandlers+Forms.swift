import Foundation
import Hummingbird
import SentraCore
import SentraServer
import SentraStore
import SentraXLSForm

/// The forms page: the published forms and versions, and a new version uploaded as an XLSForm
/// or as JSON, checked as `sentra form publish` checks it.
extension OfficeHandlers {
    /// The largest form file the page takes.
    static let maxFormUpload = 8 << 20

    /// `GET /office/s/{survey}/forms`
    func forms(_ page: PageContext, message: HTML?) async throws -> Response {
        let t = page.language
        let published = try await storage.forms(survey: page.survey).sorted { $0.form.name < $1.form.name }
        let rows = published.map { item -> HTML in
            """
            <tr><td>\(item.form.name)</td><td>\(item.form.title ?? "")</td><td class="num">\(Int(item.form.version))</td>\
            <td class="num">\(item.form.fields.count)</td><td>\(item.publisher.name)</td><td>\(t.time(item.publishedAt))</td></tr>
            """
        }
        let table: HTML = published.isEmpty
            ? "<p>\(t("Belum ada formulir yang diterbitkan.", "No form is published yet."))</p>"
            : """
              <div class="scroll"><table id="forms"><thead><tr><th scope="col">\(t("Nama", "Name"))</th><th scope="col">\(t("Judul", "Title"))</th>\
              <th scope="col" class="num">\(t("Versi", "Version"))</th><th scope="col" class="num">\(t("Isian", "Fields"))</th>\
              <th scope="col">\(t("Penerbit", "Publisher"))</th><th scope="col">\(t("Terbit", "Published"))</th></tr></thead><tbody>\(rows)</tbody></table></div>
              """
        let content: HTML = """
            \(message ?? .empty)
            \(table)
            <h2>\(t("Terbitkan versi baru", "Publish a new version"))</h2>
            <p>\(t("Unggah XLSForm (.xlsx) atau JSON. Versinya harus lebih tinggi dari yang sudah terbit; setiap perangkat mendapatkannya pada sinkron berikutnya.",
                   "Upload an XLSForm (.xlsx) or JSON. Its version must be higher than the one published; every device gets it at its next sync."))</p>
            <form method="post" action="\(OfficePaths.forms(page.survey))" enctype="multipart/form-data">\(page.csrfField)
            <div class="field"><label for="form-file">\(t("Berkas formulir", "Form file"))</label>
            <input type="file" id="form-file" name="file" accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
            <button type="submit">\(t("Terbitkan", "Publish"))</button>
            </form>
            """
        return OfficeHandlers.html(page.layout(t("Formulir", "Forms"), section: .forms).render(content))
    }

    /// `POST /office/s/{survey}/forms`, a multipart upload of `file` with `csrf`.
    func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let language = OfficeHandlers.language(request)
        guard let visitor = try await gate.visitor(request) else {
            return errorPage(status: .unauthorized, language: language, message: language("Masuk lagi, lalu ulangi.", "Sign in again, then try again."), visitor: nil)
        }
        let t = language
        let body: MultipartBody
        do {
            let data = Data(buffer: try await request.body.collect(upTo: OfficeHandlers.maxFormUpload))
            guard let parsed = MultipartBody(data, contentType: request.headers[.contentType] ?? "") else {
                throw ServerError(status: 400, code: .invalidBody, message: t("Unggahan ini bukan formulir berkas.", "This upload is not a file form."))
            }
            body = parsed
        } catch {
            return errorPage(error, visitor: visitor, language: t, request: request)
        }
        guard visitor.carries(body["csrf"].map { String(decoding: $0.data, as: UTF8.self) }) else { return csrfRefused(visitor, language: t) }
        return try await page(request, context) { page in
            guard let file = body["file"], !file.data.isEmpty else {
                return try await forms(page, message: "<p class=\"error\" role=\"alert\">\(t("Pilih berkas formulir dulu.", "Choose a form file first."))</p>")
            }
            let source = file.filename ?? "form"
            do {
                let definition = try OfficeHandlers.readForm(file.data, source: source)
                let published = try await storage.publishForm(definition, survey: page.survey)
                site.logger.info("form published", metadata: ["office.survey": "\(page.survey)", "form.name": "\(definition.name)",
                                                             "form.version": "\(definition.version)", "office.by": "\(page.author)"])
                return try await forms(page, message: "<p class=\"notice\" role=\"status\">✓ \(t("Formulir \(published.form.name) versi \(published.form.version) terbit. Perangkat mendapatkannya pada sinkron berikutnya.", "Form \(published.form.name) version \(published.form.version) is published. Devices get it at their next sync."))</p>")
            } catch {
                let failure = ServerError(error)
                let detail = (error as? XLSFormError).map { "\($0)" } ?? failure.message
                return try await forms(page, message: "<p class=\"error\" role=\"alert\">\(source): \(detail)</p>")
            }
        }
    }

    /// A form from an uploaded file: an XLSForm when it is a ZIP (`.xlsx`), JSON otherwise.
    static func readForm(_ data: Data, source: String) throws -> FormDefinition {
        if data.starts(with: [0x50, 0x4B]) || source.lowercased().hasSuffix(".xlsx") {
            return try XLSForm.read(data, source: source)
        }
        do {
            return try JSONDecoder().decode(FormDefinition.self, from: data)
        } catch let error as DecodingError {
            throw ServerError(status: 400, code: .invalidForm, message: "not an XLSForm and not a form in JSON: \(error.localizedDescription)")
        }
    }
}
