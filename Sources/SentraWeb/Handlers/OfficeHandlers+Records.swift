import Foundation
import Hummingbird
import SentraCore
import SentraStore

/// The records page: filters as GET parameters, 50 rows a page, ticked rows approved together,
/// and downloads of the same filter.
extension OfficeHandlers {
    /// `GET /office/s/{survey}/records?form&place&author&state&conflict&q&sort&page`
    func records(_ page: PageContext) async throws -> Response {
        let t = page.language
        let query = RecordQuery(parameters: page.query)
        let index = try await site.indexes.index(page.survey)
        let (rows, total) = await index.page(query)
        let definitions = await index.definitions
        let authors = await index.authors()
        let path = OfficePaths.records(page.survey)
        let pages = max(1, (total + RecordQuery.pageSize - 1) / RecordQuery.pageSize)

        let placeField = definitions.values.compactMap { form in RecordSummary.placeField(of: form).flatMap { form.field($0) } }.first
        let filters: HTML = """
            <form method="get" action="\(path)" class="filters" role="search">
            <div class="field"><label for="q">\(t("Cari nama atau isian", "Search names and values"))</label>
            <input type="search" id="q" name="q" value="\(query.search ?? "")"></div>
            \(select("form", t("Formulir", "Form"), [("", t("Semua", "All"))] + definitions.keys.sorted().map { ($0, $0) }, selected: query.form ?? ""))
            \(select("place", placeField.map { t.text($0.label, fallback: $0.name) } ?? t("Tempat", "Place"),
                     [("", t("Semua", "All"))] + (placeField?.choices ?? []).map { ($0.name, t.text($0.label, fallback: $0.name)) },
                     selected: query.place ?? ""))
            \(select("author", t("Pencacah", "Enumerator"), [("", t("Semua", "All"))] + authors.map { ($0.node.rawValue, $0.name) },
                     selected: query.author?.rawValue ?? ""))
            \(select("state", t("Pemeriksaan", "Review"), [("", t("Semua", "All"))] + ReviewState.allCases.map { ($0.rawValue, t.review($0)) },
                     selected: query.state?.rawValue ?? ""))
            \(select("conflict", t("Beda isian", "Conflicts"), [("", t("Semua", "All")), ("1", t("Hanya yang beda isian", "In conflict only"))],
                     selected: query.conflictOnly ? "1" : ""))
            \(select("sort", t("Urutkan", "Sort by"), [("newest", t("Terbaru", "Newest")), ("name", t("Nama", "Name")),
                     ("place", t("Tempat", "Place")), ("enumerator", t("Pencacah", "Enumerator"))], selected: query.order.rawValue))
            <button type="submit">\(t("Terapkan", "Apply"))</button>
            </form>
            """
        let filterQuery = RecordQuery.queryString(query.filterParameters)
        let exportBase = OfficePaths.export(page.survey) + (filterQuery.isEmpty ? "?" : filterQuery + "&")
        let tableRows = rows.map { summary -> HTML in
            let link = OfficePaths.record(page.survey, summary.id)
            let place = summary.place.map { choiceLabel($0, field: definitions[summary.form].flatMap { RecordSummary.placeField(of: $0).flatMap($0.field) }, language: t) } ?? "–"
            let conflicts: HTML = summary.conflicts > 0 ? "<a href=\"\(link)#conflicts\">⚡ \(summary.conflicts)</a>" : "–"
            let state: HTML = summary.deleted ? "\(t("dihapus", "deleted"))" : reviewBadge(summary.review, language: t)
            return """
                <tr><td><input type="checkbox" name="id" value="\(summary.id)" id="pick-\(summary.id)" form="bulk"\
                 aria-label="\(t("Pilih", "Select")) \(summary.title)"></td>\
                <td><a href="\(link)">\(summary.title)</a></td><td>\(place)</td><td>\(summary.enumerator)</td>\
                <td>\(state)</td><td>\(conflicts)</td><td>\(t.time(Date(timeIntervalSince1970: Double(summary.updated.physical) / 1000).ISO8601Format()))</td></tr>
                """
        }
        let pager = pagerLinks(query: query, pages: pages, path: path, language: t)
        let content: HTML = """
            \(filters)
            <p id="total">\(t("\(total) data", "\(total) records"))\(pages > 1 ? " · \(t("halaman", "page")) \(query.page)/\(pages)" : "")</p>
            <div class="actions">
            <a class="button secondary" href="\(exportBase)format=csv" download>\(t("Unduh CSV", "Download CSV"))</a>
            <a class="button secondary" href="\(exportBase)format=json" download>\(t("Unduh JSON", "Download JSON"))</a>
            </div>
            <form method="post" action="\(OfficePaths.bulkReview(page.survey))" id="bulk">\(page.csrfField)
            \(query.filterParameters.map { "<input type=\"hidden\" name=\"filter-\($0.0)\" value=\"\($0.1)\">" as HTML })
            <div class="actions">
            <button type="submit" name="scope" value="ticked">\(t("Setujui yang dipilih", "Approve ticked"))</button>
            <button type="submit" name="scope" value="filter" class="secondary">\(t("Setujui semua \(total) hasil filter", "Approve all \(total) filtered"))</button>
            </div>
            </form>
            <div class="scroll"><table id="records"><thead><tr><th scope="col"><span class="skip">\(t("Pilih", "Select"))</span></th>\
            <th scope="col">\(t("Nama", "Name"))</th><th scope="col">\(placeField.map { t.text($0.label, fallback: $0.name) } ?? t("Tempat", "Place"))</th>\
            <th scope="col">\(t("Pencacah", "Enumerator"))</th><th scope="col">\(t("Pemeriksaan", "Review"))</th>\
            <th scope="col">\(t("Beda isian", "Conflicts"))</th><th scope="col">\(t("Diubah", "Changed"))</th></tr></thead>
            <tbody>\(tableRows)</tbody></table></div>
            \(pager)
            """
        return OfficeHandlers.html(page.layout(t("Data", "Records"), section: .records).render(content))
    }

    /// A labelled `<select>` of a GET filter.
    func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String) -> HTML {
        let items = options.map { option -> HTML in
            option.0 == selected ? "<option value=\"\(option.0)\" selected>\(option.1)</option>" : "<option value=\"\(option.0)\">\(option.1)</option>"
        }
        return "<div class=\"field\"><label for=\"\(name)\">\(label)</label><select id=\"\(name)\" name=\"\(name)\">\(items)</select></div>"
    }

    /// A review state as icon and words, never colour alone.
    func reviewBadge(_ state: ReviewState, language: Language) -> HTML {
        "<span class=\"state state-\(state.rawValue)\">\(Language.icon(state)) \(language.review(state))</span>"
    }

    private func pagerLinks(query: RecordQuery, pages: Int, path: String, language t: Language) -> HTML {
        guard pages > 1 else { return .empty }
        func link(_ number: Int, _ text: String, rel: String) -> HTML {
            var parameters = query.filterParameters
            parameters.append(("sort", query.order.rawValue))
            parameters.append(("page", String(number)))
            return "<a href=\"\(path)\(RecordQuery.queryString(parameters))\" rel=\"\(rel)\">\(text)</a>"
        }
        let previous = query.page > 1 ? link(query.page - 1, t("‹ Sebelumnya", "‹ Previous"), rel: "prev") : .empty
        let next = query.page < pages ? link(query.page + 1, t("Berikutnya ›", "Next ›"), rel: "next") : .empty
        return "<nav class=\"pager\" aria-label=\"\(t("Halaman", "Pages"))\">\(previous)<span>\(query.page) / \(pages)</span>\(next)</nav>"
    }

    /// `POST /office/s/{survey}/review` with `scope=ticked` and the ticked `id`s, or
    /// `scope=filter` and the list's filters as `filter-NAME`: approves those records.
    func bulkReview(_ page: PageContext, form: FormBody) async throws -> Response {
        let t = page.language
        var filter: [String: String] = [:]
        for field in form.fields where field.name.hasPrefix("filter-") { filter[String(field.name.dropFirst(7))] = field.value }
        let query = RecordQuery(parameters: filter)
        let ids: [String]
        if form["scope"] == "filter" {
            ids = await (try site.indexes.index(page.survey)).all(query).filter { !$0.deleted }.map(\.id)
        } else {
            ids = form.all("id")
        }
        guard !ids.isEmpty else {
            return errorPage(status: .unprocessableContent, language: t, message: t(
                "Tidak ada data yang dipilih. Centang data di daftar, lalu tekan Setujui.", "No record was ticked. Tick records in the list, then press Approve."),
                visitor: page.visitor)
        }
        for id in ids {
            _ = try await storage.setReview(survey: page.survey, record: id, review: Review(state: .approved, note: "", by: page.author))
        }
        site.logger.info("records approved", metadata: ["office.survey": "\(page.survey)", "office.count": "\(ids.count)", "office.by": "\(page.author)"])
        return OfficeHandlers.redirect(OfficePaths.records(page.survey) + RecordQuery.queryString(query.filterParameters + [("done", String(ids.count))]))
    }
}
