import Foundation
import Hummingbird
import SentraCore
import SentraServer
import SentraStore

/// One record: its values by the form's labels with who wrote each and when, its conflicts to
/// decide, its review, and its history.
extension OfficeHandlers {
    /// `GET /office/s/{survey}/records/{id}`
    func record(_ page: PageContext, id: String) async throws -> Response {
        let t = page.language
        let view = try await storage.record(survey: page.survey, id: id)
        let definitions = try await storage.forms(survey: page.survey)
        let form = definitions.first { $0.form.name == view.form }?.form
        let history = try await storage.history(survey: page.survey, record: id)
        let names = try await nodeNames()
        let summary = RecordSummary(view, form: form)
        let values = ValueText(language: t)

        var notice: HTML = .empty
        switch page.query["done"] {
        case "resolved": notice = "<p class=\"notice\" role=\"status\">\(t("Beda isian diputuskan. Perangkat mendapatkannya pada sinkron berikutnya.", "Conflict decided. Devices get it at their next sync."))</p>"
        case "reviewed": notice = "<p class=\"notice\" role=\"status\">\(t("Pemeriksaan disimpan. Pencacah melihatnya setelah sinkron.", "Review saved. The enumerator sees it after a sync."))</p>"
        default: break
        }
        let fieldRows = orderedFields(view, form: form).map { name -> HTML in
            let field = form?.field(name)
            let entries = view.entries[name] ?? []
            let shown = entries.first { $0.value == view.fields[name] } ?? entries.first
            let who: HTML = shown.map { "<span class=\"muted\"> · \(author($0.node, names: names, fallback: $0.nodeName)) · \(t.time($0.time))\(skew($0.hlc, language: t))</span>" } ?? .empty
            let mark: HTML = entries.count > 1 ? " <a href=\"#conflict-\(name)\">⚡ \(t("beda isian", "conflict"))</a>" : .empty
            return "<dt>\(t.text(field?.label, fallback: name))</dt><dd>\(values.text(view.fields[name], field: field))\(who)\(mark)</dd>"
        }
        let content: HTML = """
            \(notice)
            <p>\(t("Formulir", "Form")) <strong>\(view.form)</strong> · ID <code>\(view.id)</code> · \(reviewBadge(summary.review, language: t))\
            \(view.deleted ? " · <strong>\(t("dihapus", "deleted"))</strong>" as HTML : .empty)</p>
            \(conflictSection(view, form: form, page: page, names: names))
            <h2>\(t("Isian", "Values"))</h2>
            <dl class="fields">\(fieldRows)</dl>
            \(reviewSection(view, page: page, names: names))
            <h2>\(t("Riwayat", "History"))</h2>
            \(historyList(history, form: form, page: page, names: names))
            """
        return OfficeHandlers.html(page.layout(summary.title, section: .records).render(content))
    }

    /// The record's fields: the form's in its order, then any other field, by name.
    private func orderedFields(_ view: RecordView, form: FormDefinition?) -> [String] {
        let defined = (form?.fields ?? []).map(\.name).filter { view.fields[$0] != nil || view.entries[$0] != nil }
        let others = Set(view.fields.keys).union(view.entries.keys).subtracting(defined).filter { !$0.hasPrefix("_") }.sorted()
        return defined + others
    }

    /// Every node's name this node knows: its devices' and its own.
    func nodeNames() async throws -> [NodeID: String] {
        var names: [NodeID: String] = [storage.node.id: storage.node.name]
        for device in try await storage.devices() {
            names[device.node] = device.name ?? device.token
        }
        return names
    }

    func author(_ node: NodeID, names: [NodeID: String], fallback: String?) -> String {
        names[node] ?? fallback ?? String(node.rawValue.prefix(8))
    }

    /// A mark on a time from a device clock more than five minutes ahead of the node's.
    func skew(_ hlc: HybridTimestamp, language t: Language) -> HTML {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        guard hlc.physical > now + 5 * 60_000 else { return .empty }
        return " <span class=\"silent\" title=\"\(t("Jam perangkat lebih cepat dari jam kantor", "The device's clock is ahead of the office's"))\">⚠ \(t("jam perangkat", "device clock"))</span>"
    }

    // MARK: Review

    private func reviewSection(_ view: RecordView, page: PageContext, names: [NodeID: String]) -> HTML {
        let t = page.language
        guard !view.deleted else { return .empty }
        let review = ReviewView(view)
        let current: HTML = review.time == nil
            ? "<p>\(t("Belum diperiksa.", "Not reviewed yet."))</p>"
            : """
              <p>\(reviewBadge(review.state, language: t)) · \(review.by.isEmpty ? "" : review.by + " · ")\
              \(review.node.map { author($0, names: names, fallback: review.nodeName) } ?? "") · \(t.time(review.time))</p>
              \(review.note.isEmpty ? .empty : "<blockquote>\(review.note)</blockquote>" as HTML)
              \(review.inConflict ? "<p class=\"error\">\(t("Dua pemeriksaan ditulis bersamaan; simpan satu untuk memutuskannya.", "Two reviews were written at once; save one to settle them."))</p>" as HTML : .empty)
              """
        let options = [ReviewState.approved, .hasIssues, .rejected, .received].map { state -> HTML in
            state == review.state ? "<option value=\"\(state.rawValue)\" selected>\(t.review(state))</option>" : "<option value=\"\(state.rawValue)\">\(t.review(state))</option>"
        }
        return """
            <h2 id="review">\(t("Pemeriksaan", "Review"))</h2>
            \(current)
            <form method="post" action="\(OfficePaths.record(page.survey, view.id))/review">\(page.csrfField)
            <div class="field"><label for="review-state">\(t("Keadaan", "State"))</label><select id="review-state" name="state">\(options)</select></div>
            <div class="field"><label for="review-note">\(t("Catatan untuk pencacah", "Note for the enumerator"))</label>
            <textarea id="review-note" name="note" aria-describedby="review-note-hint">\(review.note)</textarea>
            <p class="muted" id="review-note-hint">\(t("Wajib untuk Perlu diperbaiki dan Ditolak: catatan ini sampai ke HP pencacah.", "Required for Has issues and Rejected: the note reaches the enumerator's device."))</p></div>
            <button type="submit">\(t("Simpan pemeriksaan", "Save review"))</button>
            </form>
            """
    }

    /// `POST /office/s/{survey}/records/{id}/review` with `state` and `note`.
    func review(_ page: PageContext, id: String, form: FormBody) async throws -> Response {
        let t = page.language
        guard let state = form["state"].flatMap(ReviewState.init(rawValue:)), state != .edited else {
            throw ServerError(status: 422, code: .invalidInput, message: t("Pilih keadaan pemeriksaan.", "Choose a review state."))
        }
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty, state == .hasIssues || state == .rejected {
            throw ServerError(status: 422, code: .invalidInput, message: t(
                "Tulis catatan: pencacah perlu tahu apa yang harus diperbaiki. Kembali, isi catatan, lalu simpan lagi.",
                "Write a note: the enumerator needs to know what to fix. Go back, fill in the note, then save again."))
        }
        _ = try await storage.setReview(survey: page.survey, record: id, review: Review(state: state, note: note, by: page.author))
        return OfficeHandlers.redirect(OfficePaths.record(page.survey, id) + "?done=reviewed#review")
    }

    // MARK: History

    private func historyList(_ history: [LoggedChange], form: FormDefinition?, page: PageContext, names: [NodeID: String]) -> HTML {
        let t = page.language
        let values = ValueText(language: t)
        var last: [String: FieldValue] = [:]
        let items = history.map { logged -> HTML in
            let change = logged.change
            let who = author(change.dot.origin, names: names, fallback: nil)
            let when = t.time(Date(timeIntervalSince1970: Double(change.hlc.physical) / 1000).ISO8601Format())
            var lines: [HTML] = []
            switch change.operation {
            case .delete:
                lines.append("\(t("Data dihapus", "Record deleted"))")
            case .assign(let assigned):
                for (name, value) in assigned.sorted(by: { $0.key < $1.key }) {
                    if name == FieldName.review, let review = Review(value) {
                        lines.append("\(t("Pemeriksaan", "Review")): \(reviewBadge(review.state, language: t))\(review.note.isEmpty ? "" : " — " + review.note)")
                    } else if name == FieldName.deleted {
                        lines.append("\(t("Data dipulihkan", "Record restored"))")
                    } else {
                        let field = form?.field(name)
                        let before = last[name].map { values.text($0, field: field) + " → " } ?? ""
                        lines.append("\(t.text(field?.label, fallback: name)): \(before)\(values.text(value, field: field))")
                    }
                    last[name] = value
                }
            }
            return "<li><strong>\(when)</strong> · \(who)\(skew(change.hlc, language: t))<ul>\(lines.map { "<li>\($0)</li>" as HTML })</ul></li>"
        }
        return "<ol class=\"history\" reversed>\(Array(items.reversed()))</ol>"
    }
}
