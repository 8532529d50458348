import SentraServer

/// What every signed-in page knows: who asks, in which language, about which survey, and the
/// request's path and query.
struct PageContext: Sendable {
    let visitor: OfficeVisitor
    let language: Language
    let survey: String
    /// The request's path, without the query.
    let path: String
    /// The request's query parameters, the first value of each.
    let query: [String: String]

    /// The frame of a page of this survey.
    func layout(_ title: String, section: PageLayout.Section?, scripts: [String] = []) -> PageLayout {
        PageLayout(language: language, title: title, survey: survey, section: section, csrf: visitor.csrf,
                   signedInAs: visitor.subject, path: path + RecordQuery.queryString(query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                   scripts: scripts)
    }

    /// The hidden CSRF field of a form on this page.
    var csrfField: HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(visitor.csrf)\">"
    }

    /// Who a review or resolution is by: the signed-in person or token.
    var author: String { visitor.subject }
}
