import Foundation
import SentraCore

/// The records page's filters, order and page, read from its GET parameters so that a filtered
/// list is a link a clerk can keep or send.
///
/// `?form=usaha&place=Sindangmulya&author=tablet-ani&state=hasIssues&conflict=1&q=maju&sort=name&page=2`
struct RecordQuery: Sendable, Equatable {
    /// How the list is ordered.
    enum Order: String, Sendable, CaseIterable {
        case newest, name, place, enumerator
    }

    var form: String?
    var place: String?
    /// An author's node ID: the records holding a value that node wrote.
    var author: NodeID?
    var state: ReviewState?
    var conflictOnly = false
    /// Words the record's ID, name or text values must contain, case ignored.
    var search: String? {
        didSet { searchWords = search.map(SearchText.words) ?? [] }
    }
    /// ``search`` split into words, once for all the records a page looks at.
    private(set) var searchWords: [[UInt8]] = []
    var order: Order = .newest
    /// The page, from 1.
    var page = 1

    static let pageSize = 50

    init() {}

    /// The query of a request's parameters; unknown or empty values are left out, never refused.
    init(parameters: [String: String]) {
        form = parameters["form"].nonEmpty
        place = parameters["place"].nonEmpty
        author = parameters["author"].nonEmpty.flatMap(NodeID.init(rawValue:))
        state = parameters["state"].nonEmpty.flatMap(ReviewState.init(rawValue:))
        conflictOnly = parameters["conflict"] == "1"
        search = parameters["q"].map { $0.trimmingCharacters(in: .whitespaces) }.nonEmpty
        searchWords = search.map(SearchText.words) ?? []
        order = parameters["sort"].flatMap(Order.init(rawValue:)) ?? .newest
        page = max(1, Int(parameters["page"] ?? "") ?? 1)
    }

    /// Whether `summary` passes every filter.
    func matches(_ summary: RecordSummary) -> Bool {
        guard summary.isListed else { return false }
        if let form, summary.form != form { return false }
        if let place, summary.place != place { return false }
        if let author, !summary.authors.contains(author) { return false }
        if let state, summary.deleted || summary.review != state { return false }
        if conflictOnly, summary.conflicts == 0 { return false }
        for word in searchWords where !summary.searchText.contains(word) {
            return false
        }
        return true
    }

    /// The filters as GET parameters, without the page: for links to other pages of the list, and
    /// for the export of the same records.
    var filterParameters: [(String, String)] {
        var parameters: [(String, String)] = []
        if let form { parameters.append(("form", form)) }
        if let place { parameters.append(("place", place)) }
        if let author { parameters.append(("author", author.rawValue)) }
        if let state { parameters.append(("state", state.rawValue)) }
        if conflictOnly { parameters.append(("conflict", "1")) }
        if let search { parameters.append(("q", search)) }
        return parameters
    }

    /// Whether the only filters are a form and a review state: the export the store makes as it
    /// is, the same bytes as `sentra export --state S --form F`.
    var isStoreExport: Bool {
        place == nil && author == nil && !conflictOnly && search == nil
    }

    /// `parameters` as a query string, `?a=1&b=2`, or empty.
    static func queryString(_ parameters: [(String, String)]) -> String {
        guard !parameters.isEmpty else { return "" }
        return "?" + parameters.map { "\(FormBody.encode($0.0))=\(FormBody.encode($0.1))" }.joined(separator: "&")
    }
}

extension Optional where Wrapped == String {
    /// The string, or nil when it is nil or empty.
    var nonEmpty: String? {
        switch self {
        case .some(let text) where !text.isEmpty: text
        default: nil
        }
    }
}
