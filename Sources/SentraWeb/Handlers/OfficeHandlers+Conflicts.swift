import Foundation
import Hummingbird
import SentraCore
import SentraServer
import SentraStore

/// Conflicts: the queue, each one side by side with the value shown meanwhile, and the
/// resolving write. There is no "dismiss": a conflict ends only by a value picked or typed, or by
/// a record kept deleted or restored.
extension OfficeHandlers {
    /// The most conflicts the queue shows at once; the count above it says how many there are.
    static let conflictQueueLimit = 100

    /// `GET /office/s/{survey}/conflicts`
    func conflicts(_ page: PageContext) async throws -> Response {
        let t = page.language
        let conflicts = try await storage.conflicts(survey: page.survey)
        let forms = try await storage.forms(survey: page.survey)
        let names = try await nodeNames()
        let records = Set(conflicts.map(\.record))
        var sections: [HTML] = []
        for conflict in conflicts.prefix(OfficeHandlers.conflictQueueLimit) {
            let view = try await storage.record(survey: page.survey, id: conflict.record)
            let form = forms.first { $0.form.name == view.form }?.form
            let title = RecordSummary(view, form: form).title
            sections.append("""
                <section class="card" aria-labelledby="q-\(conflict.record)-\(conflict.field ?? "_deleted")">
                <h2 id="q-\(conflict.record)-\(conflict.field ?? "_deleted")"><a href="\(OfficePaths.record(page.survey, conflict.record))">\(title)</a></h2>
                \(conflictForm(conflict, record: view, form: form, page: page, names: names, headingLevel: 3))
                </section>
                """)
        }
        let more: HTML = conflicts.count > OfficeHandlers.conflictQueueLimit
            ? "<p>\(t("Menampilkan \(OfficeHandlers.conflictQueueLimit) yang pertama.", "Showing the first \(OfficeHandlers.conflictQueueLimit)."))</p>" : .empty
        let content: HTML = conflicts.isEmpty
            ? "<p class=\"notice\" role=\"status\">✓ \(t("Tidak ada beda isian.", "No conflicts."))</p>"
            : """
              <p id="conflict-total">\(t("\(conflicts.count) beda isian pada \(records.count) data: dua pencacah mengisi berbeda, atau satu menghapus dan yang lain mengubah.", "\(conflicts.count) conflicts in \(records.count) records: two enumerators entered different values, or one deleted while another edited."))</p>
              \(more)
              \(sections)
              """
        return OfficeHandlers.html(page.layout(t("Beda isian", "Conflicts"), section: .conflicts).render(content))
    }

    /// The record page's part on its conflicts.
    func conflictSection(_ view: RecordView, form: FormDefinition?, page: PageContext, names: [NodeID: String]) -> HTML {
        guard !view.conflicts.isEmpty else { return .empty }
        let t = page.language
        return """
            <section id="conflicts" aria-labelledby="conflicts-title"><h2 id="conflicts-title">⚡ \(t("Beda isian", "Conflicts"))</h2>
            \(view.conflicts.map { conflictForm($0, record: view, form: form, page: page, names: names, headingLevel: 3) })
            </section>
            """
    }

    /// One conflict side by side, with its resolving form: for a field, each value with who
    /// wrote it and when, the one displayed marked, "Pakai ini" and "Isi nilai lain"; for a
    /// delete against edits, "Tetap hapus" and "Pulihkan".
    func conflictForm(_ conflict: ConflictView, record: RecordView, form: FormDefinition?, page: PageContext,
                      names: [NodeID: String], headingLevel: Int) -> HTML {
        let t = page.language
        let action = OfficePaths.record(page.survey, conflict.record) + "/resolve"
        let heading = HTML(trusted: "h\(headingLevel)")
        guard let name = conflict.field else {
            // The conflict's entries are the edits the delete did not know of; the delete itself
            // is the record's `_deleted` entry.
            let deletes = (record.entries[FieldName.deleted] ?? []).filter { $0.value == .bool(true) }
            let deleters = deletes.map { "\(author($0.node, names: names, fallback: $0.nodeName)) · \(t.time($0.time))" }.joined(separator: "; ")
            let editors = Set(conflict.values.map { author($0.node, names: names, fallback: $0.nodeName) }).sorted().joined(separator: ", ")
            return """
                <div id="conflict-_deleted"><\(heading)>\(t("Dihapus dan diubah bersamaan", "Deleted and edited at once"))</\(heading)>
                <div class="pair"><div class="value"><p><strong>\(t("Dihapus", "Deleted"))</strong></p><p class="muted">\(deleters)</p></div>
                <div class="value"><p><strong>\(t("Diubah", "Edited"))</strong></p><p class="muted">\(editors)</p></div></div>
                <form method="post" action="\(action)" class="actions">\(page.csrfField)
                <button type="submit" name="action" value="delete">\(t("Tetap hapus", "Keep deleted"))</button>
                <button type="submit" name="action" value="restore" class="secondary">\(t("Pulihkan", "Restore"))</button>
                </form></div>
                """
        }
        let field = form?.field(name)
        let label = t.text(field?.label, fallback: name)
        let values = ValueText(language: t)
        let options = conflict.values.enumerated().map { index, entry -> HTML in
            let id = "pick-\(name)-\(index)"
            let shown = entry.value == conflict.displayed
            return """
                <div class="value\(shown ? " shown" : "")"><label for="\(id)"><input type="radio" name="pick" id="\(id)" value="\(ValueText.json(entry.value))"\
                \(shown ? " checked" : "")> <span><strong class="choice">\(values.text(entry.value, field: field))</strong><br>\
                <span class="muted">\(author(entry.node, names: names, fallback: entry.nodeName)) · \(t.time(entry.time))\(skew(entry.hlc, language: t))</span>\
                \(shown ? "<br><em>\(t("ditampilkan sementara", "shown meanwhile"))</em>" as HTML : .empty)</span></label></div>
                """
        }
        return """
            <form method="post" action="\(action)" id="conflict-\(name)">\(page.csrfField)
            <input type="hidden" name="field" value="\(name)">
            <fieldset><legend><\(heading) class="inline-heading">\(label)</\(heading)></legend>
            <div class="pair">\(options)
            <div class="value"><label for="other-\(name)">\(t("Isi nilai lain", "Enter another value"))</label>\
            <input type="text" id="other-\(name)" name="other" autocomplete="off"></div></div>
            <div class="actions"><button type="submit">\(t("Pakai ini", "Use this"))</button></div>
            </fieldset></form>
            """
    }

    /// `POST /office/s/{survey}/records/{id}/resolve` with `field` and `pick` (a value's JSON) or
    /// `other` (typed, read by the field's type), or with `action=delete|restore`.
    func resolve(_ page: PageContext, id: String, form: FormBody) async throws -> Response {
        let t = page.language
        let resolution: Replica.Resolution
        switch form["action"] {
        case "delete": resolution = .delete
        case "restore": resolution = .restore
        default:
            guard let field = form["field"], !field.isEmpty else {
                throw ServerError(status: 422, code: .invalidInput, message: t("Formulir ini tidak menyebut isiannya.", "This form names no field."))
            }
            if let other = form["other"]?.trimmingCharacters(in: .whitespaces), !other.isEmpty {
                resolution = .fields(.text([field: other]))
            } else if let picked = form["pick"], let value = try? JSONDecoder().decode(FieldValue.self, from: Data(picked.utf8)) {
                resolution = .fields(.values([field: value]))
            } else {
                throw ServerError(status: 422, code: .invalidInput, message: t(
                    "Pilih salah satu nilai, atau isi nilai lain.", "Pick one of the values, or enter another."))
            }
        }
        _ = try await storage.resolve(survey: page.survey, record: id, resolution: resolution)
        site.logger.info("conflict resolved", metadata: ["office.survey": "\(page.survey)", "office.record": "\(id)", "office.by": "\(page.author)"])
        let back = form["back"].flatMap(OfficeHandlers.safeNext)
        return OfficeHandlers.redirect(back ?? OfficePaths.record(page.survey, id) + "?done=resolved")
    }
}
