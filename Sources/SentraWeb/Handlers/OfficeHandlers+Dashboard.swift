import Foundation
import Hummingbird
import SentraCore
import SentraStore

/// The dashboard: counts by review state, place and enumerator, conflicts, and the devices.
extension OfficeHandlers {
    /// `GET /office/s/{survey}/`
    func dashboard(_ page: PageContext) async throws -> Response {
        let t = page.language
        let index = try await site.indexes.index(page.survey)
        let counts = await index.counts()
        let authors = await index.authors()
        let state = try await storage.state(survey: page.survey)
        let devices = try await storage.devices().filter { $0.survey == nil || $0.survey == page.survey }
        let records = OfficePaths.records(page.survey)

        var cards: [HTML] = [
            card(counts.records, t("Data", "Records"), link: records, linkText: t("Lihat semua", "See all"), id: "count-records"),
            card(counts.conflicts, t("Beda isian", "Conflicts"), link: OfficePaths.conflicts(page.survey),
                 linkText: t("Putuskan", "Decide"), id: "count-conflicts"),
        ]
        for review in ReviewState.allCases {
            cards.append(card(counts.byState[review] ?? 0, "\(Language.icon(review)) \(t.review(review))",
                              link: records + "?state=\(review.rawValue)", linkText: t("Lihat", "See"), id: "count-\(review.rawValue)"))
        }
        let definitions = await index.definitions
        let placeTitle = definitions.values.compactMap { form in RecordSummary.placeField(of: form).flatMap { form.field($0) } }.first
        let placeRows = counts.byPlace.sorted { $0.key < $1.key }.map { place, count -> HTML in
            let name = place.isEmpty ? t("(tidak diisi)", "(not given)") : choiceLabel(place, field: placeTitle, language: t)
            return "<tr><td><a href=\"\(records)?place=\(FormBody.encode(place))\">\(name)</a></td><td class=\"num\">\(count)</td></tr>"
        }
        let enumeratorRows = authors.map { author -> HTML in
            "<tr><td><a href=\"\(records)?author=\(author.node.rawValue)\">\(author.name)</a></td><td class=\"num\">\(counts.byEnumerator[author.name] ?? 0)</td></tr>"
        }
        let content: HTML = """
            <div data-live="\(OfficePaths.events(page.survey))" aria-live="polite">
            <p class="muted">\(t("Survei", "Survey")) <strong>\(page.survey)</strong> · \(t("posisi log", "log position")) \(state.logPosition)</p>
            <div class="cards">\(cards)</div>
            <h2>\(t("Per desa", "By village"))</h2>
            <div class="scroll"><table><thead><tr><th scope="col">\(placeTitle.map { t.text($0.label, fallback: $0.name) } ?? t("Tempat", "Place"))</th>\
            <th scope="col" class="num">\(t("Data", "Records"))</th></tr></thead><tbody>\(placeRows)</tbody></table></div>
            <h2>\(t("Per pencacah", "By enumerator"))</h2>
            <p class="muted">\(t("Data yang masih memuat isian pencacah itu; satu data bisa diisi beberapa pencacah.", "Records holding values that enumerator wrote; one record may have several."))</p>
            <div class="scroll"><table><thead><tr><th scope="col">\(t("Pencacah", "Enumerator"))</th><th scope="col" class="num">\(t("Data dibuat", "Records made"))</th></tr></thead>\
            <tbody>\(enumeratorRows)</tbody></table></div>
            <h2>\(t("Perangkat", "Devices"))</h2>
            \(devicesTable(devices, held: state.versionVector, survey: page.survey, language: t))
            <p><a href="\(OfficePaths.devices(page.survey))#add">\(t("Tambah perangkat", "Add a device"))</a></p>
            </div>
            """
        return OfficeHandlers.html(page.layout(t("Ringkasan", "Dashboard"), section: .dashboard, scripts: [OfficeAssets.livePath]).render(content))
    }

    private func card(_ count: Int, _ title: String, link: String, linkText: String, id: String) -> HTML {
        """
        <section class="card" aria-labelledby="\(id)-title"><h2 id="\(id)-title">\(title)</h2>\
        <span class="count" id="\(id)">\(count)</span><a href="\(link)">\(linkText)<span class="skip"> · \(title)</span></a></section>
        """
    }

    /// The registry's devices: last sync, the changes each still lacks of what this node holds,
    /// and a flag for those silent longer than the office allows.
    func devicesTable(_ devices: [DeviceRecord], held: VersionVector, survey: String, language t: Language) -> HTML {
        guard !devices.isEmpty else {
            return "<p>\(t("Belum ada perangkat yang sinkron.", "No device has synced yet."))</p>"
        }
        let silentBefore = Date().addingTimeInterval(-Double(site.settings.silentDays) * 86_400).ISO8601Format()
        let rows = devices.sorted { ($0.name ?? $0.token) < ($1.name ?? $1.token) }.map { device -> HTML in
            let holds = device.holds[survey] ?? VersionVector()
            let lacking = held.counters.reduce(0) { $0 + max(0, $1.value - holds[$1.key]) }
            let silent = !device.revoked && (device.lastSync ?? "") < silentBefore
            let status: HTML = device.revoked ? "\(t("dicabut", "revoked"))"
                : silent ? "<span class=\"silent\">⚠ \(t("tidak sinkron lebih dari \(site.settings.silentDays) hari", "silent more than \(site.settings.silentDays) days"))</span>"
                : "\(t("aktif", "active"))"
            return """
                <tr\(silent ? " class=\"silent-row\"" as HTML : "")><td>\(device.name ?? "–")</td><td>\(device.token)</td><td>\(device.role)</td>\
                <td>\(t.time(device.lastSync))</td><td class="num">\(lacking)</td><td>\(status)</td></tr>
                """
        }
        return """
            <div class="scroll"><table><thead><tr><th scope="col">\(t("Perangkat", "Device"))</th><th scope="col">\(t("Kode akses", "Token"))</th>\
            <th scope="col">\(t("Peran", "Role"))</th><th scope="col">\(t("Sinkron terakhir", "Last sync"))</th>\
            <th scope="col" class="num">\(t("Perubahan belum diterima", "Changes it lacks"))</th><th scope="col">\(t("Keadaan", "Status"))</th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>
            """
    }

    /// A choice's label in the page's language, or the value as it is.
    func choiceLabel(_ value: String, field: FieldDefinition?, language: Language) -> String {
        guard let choice = field?.choice(value) else { return value }
        return language.text(choice.label, fallback: value)
    }
}
