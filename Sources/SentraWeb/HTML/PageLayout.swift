/// The frame of every office page: the header with its menu, the language switch and sign-out,
/// and the main content.
struct PageLayout {
    /// One of the menu's pages, marked as current when it is shown.
    enum Section: CaseIterable {
        case dashboard, records, conflicts, forms, devices
    }

    let language: Language
    let title: String
    /// The survey whose pages the menu links to; nil on the sign-in page.
    let survey: String?
    let section: Section?
    /// The session's CSRF token, for the header's forms; nil when nobody is signed in.
    let csrf: String?
    /// Who is signed in, shown beside sign-out.
    let signedInAs: String?
    /// The path of this page, where the language switch comes back to.
    let path: String
    /// Scripts the page loads, as paths under `/office/assets/`; pages work without them.
    var scripts: [String] = []

    func render(_ content: HTML) -> HTML {
        let t = language
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Sentra</title>
            <link rel="stylesheet" href="\(OfficeAssets.stylePath)">
            \(scripts.map { script in "<script type=\"module\" src=\"\(script)\"></script>" as HTML })
            </head>
            <body>
            <a class="skip" href="#main">\(t("Langsung ke isi", "Skip to content"))</a>
            <header class="top">
            <span class="brand">Sentra</span>
            \(menu())
            <div class="account">
            \(languageSwitch())
            \(signOut())
            </div>
            </header>
            <main id="main" tabindex="-1">
            <h1>\(title)</h1>
            \(content)
            </main>
            </body>
            </html>
            """
    }

    private func menu() -> HTML {
        guard let survey, csrf != nil else { return .empty }
        let t = language
        let base = OfficePaths.survey(survey)
        let items: [(Section, String, String)] = [
            (.dashboard, base, t("Ringkasan", "Dashboard")),
            (.records, base + "records", t("Data", "Records")),
            (.conflicts, base + "conflicts", t("Beda isian", "Conflicts")),
            (.forms, base + "forms", t("Formulir", "Forms")),
            (.devices, base + "devices", t("Perangkat", "Devices")),
        ]
        let links = items.map { item -> HTML in
            item.0 == section ? "<a href=\"\(item.1)\" aria-current=\"page\">\(item.2)</a>" : "<a href=\"\(item.1)\">\(item.2)</a>"
        }
        return "<nav class=\"menu\" aria-label=\"\(t("Menu utama", "Main menu"))\">\(links)</nav>"
    }

    private func languageSwitch() -> HTML {
        """
        <form method="post" action="\(OfficePaths.language)" class="inline">\(csrfField)\
        <input type="hidden" name="to" value="\(language.other.rawValue)">\
        <input type="hidden" name="back" value="\(path)">\
        <button type="submit" class="link" lang="\(language.other.rawValue)">\(language.other.name)</button></form>
        """
    }

    private func signOut() -> HTML {
        guard csrf != nil else { return .empty }
        let t = language
        return """
            <span class="who">\(signedInAs ?? "")</span>
            <form method="post" action="\(OfficePaths.signOut)" class="inline">\(csrfField)\
            <button type="submit" class="link">\(t("Keluar", "Sign out"))</button></form>
            """
    }

    /// The hidden CSRF field every form of a signed-in page carries.
    private var csrfField: HTML {
        csrf.map { "<input type=\"hidden\" name=\"csrf\" value=\"\($0)\">" } ?? .empty
    }
}
