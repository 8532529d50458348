import Foundation
import Hummingbird
import SentraCore
import SentraServer
import SentraStore

/// Downloads of the records page's current filter, with the review columns.
extension OfficeHandlers {
    /// `GET /office/s/{survey}/export?format=csv|json&…filters`. With only a form and a review
    /// state, the bytes are those of `sentra export --form F --state S`; other filters pick the
    /// same records the list shows.
    func export(_ page: PageContext) async throws -> Response {
        let t = page.language
        let format: ExportFormat
        switch page.query["format"] ?? "csv" {
        case "csv": format = .csv
        case "json": format = .json
        default: throw ServerError(status: 400, code: .invalidQuery, message: t("Format unduhan: csv atau json.", "Download format: csv or json."))
        }
        let query = RecordQuery(parameters: page.query)
        var records: Set<String>?
        if !query.isStoreExport {
            records = Set(await (try site.indexes.index(page.survey)).all(query).map(\.id))
        }
        let data = try await storage.export(survey: page.survey, form: query.form, state: query.state, records: records, format: format)
        let day = Date().ISO8601Format().prefix(10)
        let name = "\(page.survey)-\(query.state?.rawValue ?? "semua")-\(day).\(format.rawValue)"
        return Response(status: .ok, headers: [
            .contentType: format == .csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(name)\"",
            .cacheControl: "no-store",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
