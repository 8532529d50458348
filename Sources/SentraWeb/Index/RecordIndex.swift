import SentraCore
import SentraServer
import SentraStore

/// The office pages' list of a survey's records, kept in memory and brought up to date from the
/// node's log before each page: only records the log changed since the last page are read again.
///
/// Built on first use from every record, read in pages; after that, a page costs one look at the
/// log's position and a read of each record changed since. A replaced log (a restore) or a new form
/// version rebuilds it. With 100,000 records a filtered page answers in under 50 ms over HTTP
/// (sentra-bench W1a); the first build takes seconds (W1b).
actor RecordIndex {
    let storage: any NodeStorage
    let survey: String

    private var summaries: [String: RecordSummary] = [:]
    private var forms: [String: FormDefinition] = [:]
    private var formVersions: [String: Int64] = [:]
    private var logID: String?
    private var position: Int64 = 0
    /// The records in each order, worked out when first asked after a change.
    private var ordered: [RecordQuery.Order: [RecordSummary]] = [:] {
        didSet { if ordered.isEmpty { knownAuthors = nil } }
    }
    /// The authors, worked out when first asked after a change.
    private var knownAuthors: [(node: NodeID, name: String)]?

    /// How many records a rebuild reads at once.
    static let rebuildPage = 1_000

    init(storage: any NodeStorage, survey: String) {
        self.storage = storage
        self.survey = survey
    }

    /// The refresh under way, which callers meanwhile wait for instead of starting another.
    private var running: Task<Void, any Error>?

    /// Brings the index up to the log's current position.
    func refresh() async throws {
        if let running { return try await running.value }
        let task = Task { try await self.update() }
        running = task
        defer { running = nil }
        try await task.value
    }

    private func update() async throws {
        let state = try await storage.state(survey: survey)
        if state.forms != formVersions {
            forms = Dictionary(try await storage.forms(survey: survey).map { ($0.form.name, $0.form) }, uniquingKeysWith: { a, _ in a })
            formVersions = state.forms
            if logID != nil { try await rebuild(state) }
        }
        if state.logId != logID {
            try await rebuild(state)
            return
        }
        while position < state.logPosition {
            let changed = try await storage.changedRecords(survey: survey, after: position, limit: 500)
            guard changed.logID == logID else { return try await rebuild(try await storage.state(survey: survey)) }
            for id in changed.records {
                let view = try await storage.record(survey: survey, id: id)
                summaries[id] = RecordSummary(view, form: forms[view.form])
            }
            ordered = [:]
            guard changed.position > position else { break }
            position = changed.position
        }
    }

    private func rebuild(_ state: NodeState) async throws {
        // In pages, so that the records' entries are never all in memory at once. The log
        // position was read before the first page: a change made meanwhile is read again by the
        // next refresh.
        var built: [String: RecordSummary] = [:]
        var last = ""
        while true {
            let views = try await storage.records(survey: survey, after: last, limit: RecordIndex.rebuildPage)
            for view in views { built[view.id] = RecordSummary(view, form: forms[view.form]) }
            guard let next = views.last?.id, views.count == RecordIndex.rebuildPage else { break }
            last = next
        }
        summaries = built
        logID = state.logId
        position = state.logPosition
        ordered = [:]
    }

    /// The form definitions the records are summarized with, by name.
    var definitions: [String: FormDefinition] { forms }

    /// One page of the records `query` selects, and how many it selects in all.
    func page(_ query: RecordQuery) -> (records: [RecordSummary], total: Int) {
        let start = (query.page - 1) * RecordQuery.pageSize
        var page: [RecordSummary] = []
        var total = 0
        for summary in records(in: query.order) where query.matches(summary) {
            if total >= start && page.count < RecordQuery.pageSize { page.append(summary) }
            total += 1
        }
        return (page, total)
    }

    /// Every record `query` selects, in its order (for a bulk review or an export).
    func all(_ query: RecordQuery) -> [RecordSummary] {
        records(in: query.order).filter(query.matches)
    }

    /// The survey's counts for the dashboard.
    func counts() -> SurveyCounts {
        var counts = SurveyCounts()
        for summary in summaries.values where summary.isListed {
            counts.records += 1
            counts.conflicts += summary.conflicts
            if summary.conflicts > 0 { counts.recordsInConflict += 1 }
            if !summary.deleted {
                counts.byState[summary.review, default: 0] += 1
                counts.byPlace[summary.place ?? "", default: 0] += 1
                counts.byEnumerator[summary.enumerator, default: 0] += 1
            }
        }
        return counts
    }

    /// The authors of the survey's records, with the name shown for each, by name.
    func authors() -> [(node: NodeID, name: String)] {
        if let knownAuthors { return knownAuthors }
        var names: [NodeID: String] = [:]
        for summary in summaries.values where summary.isListed {
            for author in summary.authors where names[author] == nil {
                names[author] = summary.authorNames[author] ?? author.rawValue
            }
        }
        let authors: [(node: NodeID, name: String)] = names.map { (node: $0.key, name: $0.value) }
            .sorted { ($0.name, $0.node) < ($1.name, $1.node) }
        knownAuthors = authors
        return authors
    }

    private func records(in order: RecordQuery.Order) -> [RecordSummary] {
        if let cached = ordered[order] { return cached }
        let sorted: [RecordSummary] = switch order {
        case .newest: summaries.values.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
        case .name: summaries.values.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        case .place: summaries.values.sorted { ($0.place ?? "", $0.title, $0.id) < ($1.place ?? "", $1.title, $1.id) }
        case .enumerator: summaries.values.sorted { ($0.enumerator, $0.title, $0.id) < ($1.enumerator, $1.title, $1.id) }
        }
        ordered[order] = sorted
        return sorted
    }
}

/// The dashboard's counts of one survey, made by ``RecordIndex/counts()``.
struct SurveyCounts: Sendable {
    /// Records as `sentra status` counts them: deleted ones only while in conflict.
    var records = 0
    /// Conflicts, as `sentra status` counts them.
    var conflicts = 0
    var recordsInConflict = 0
    /// Records that are not deleted, by review state, by place and by enumerator.
    var byState: [ReviewState: Int] = [:]
    var byPlace: [String: Int] = [:]
    var byEnumerator: [String: Int] = [:]
}
