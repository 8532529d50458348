public import Foundation
public import SentraCore

extension Replica {
    /// The survey's records (deleted ones left out unless in conflict), optionally of one form.
    ///
    /// - ``ExportFormat/csv``: columns `id`, `form`, then each field of the forms involved, in
    ///   definition order (forms sorted by name, a field shared by several forms once), then the
    ///   fields no form defines, sorted, then the review's `review_state`, `review_note`, `reviewer`
    ///   (the person and the node, `Dewi @ kantor`) and `review_time`, then `conflict` and `deleted`
    ///   (`true` or `false`). Cells
    ///   hold display values: strings as they are, numbers as JSON numbers, `true`/`false`, empty
    ///   for null or absent, arrays of strings (multichoice) joined with `;`, locations as
    ///   `LAT,LON`, any other array or object as compact JSON. RFC 4180 quoting, CRLF, no BOM.
    /// - ``ExportFormat/json``: a pretty array of `{"id", "form", "deleted", "conflict",
    ///   "fields", "conflicts"}` objects with sorted keys; ``ExportFormat/ndjson``: the same
    ///   objects, one compact object per line.
    ///
    /// Records are in record ID order.
    ///
    /// - Parameters:
    ///   - state: only records whose review shows this state, such as `approved` for the clean data.
    ///   - ids: only these records (the office pages' filters); nil for every record.
    public func export(survey: String, form: String? = nil, state: ReviewState? = nil, records ids: Set<String>? = nil,
                       format: ExportFormat) throws -> Data {
        if let form { try LocalWriteRules.checkFormName(form) }
        return try Replica.export(try records(survey: survey, form: form), forms: try forms(survey: survey), form: form, state: state,
                                  records: ids, format: format)
    }

    /// ``export(survey:form:state:records:format:)`` of records already read: the survey's views
    /// (deleted ones left out unless in conflict, of `form` when given, in ID order) and its forms.
    /// Every store exports through this one function.
    package static func export(_ views: [RecordView], forms: [FormDefinition], form: String?, state: ReviewState?,
                               records ids: Set<String>?, format: ExportFormat) throws -> Data {
        let views = views.filter { view in (state == nil || ReviewView(view).state == state) && (ids?.contains(view.id) ?? true) }
        switch format {
        case .csv:
            return exportCSV(views, forms: forms, form: form)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard !views.isEmpty else { return Data("[]\n".utf8) }
            return try encoder.encode(views.map(ExportedRecord.init)) + Data("\n".utf8)
        case .ndjson:
            let encoder = JSONEncoder.canonical
            var data = Data()
            for view in views {
                data += try encoder.encode(ExportedRecord(view))
                data += Data("\n".utf8)
            }
            return data
        }
    }

    private static func exportCSV(_ views: [RecordView], forms: [FormDefinition], form: String?) -> Data {
        let involved = Set(views.map(\.form) + (form.map { [$0] } ?? []))
        var columns: [String] = []
        var defined = Set<String>()
        for definition in forms.sorted(by: { $0.name < $1.name }) where involved.contains(definition.name) {
            for field in definition.fields where defined.insert(field.name).inserted {
                columns.append(field.name)
            }
        }
        columns += Set(views.flatMap(\.fields.keys)).subtracting(defined).filter { !$0.hasPrefix("_") }.sorted()
        var writer = CSVWriter()
        writer.append(["id", "form"] + columns + FieldName.reviewColumnOrder + ["conflict", "deleted"])
        for view in views {
            let review = ReviewView(view)
            let reviewer = [review.by, review.nodeName ?? review.node?.rawValue ?? ""].filter { !$0.isEmpty }.joined(separator: " @ ")
            writer.append([view.id, view.form] + columns.map { Replica.csvCell(view.fields[$0]) }
                + [review.state.rawValue, review.note, reviewer, review.time ?? ""]
                + [view.conflicts.isEmpty ? "false" : "true", view.deleted ? "true" : "false"])
        }
        return writer.data
    }

    /// A display value as a CSV cell.
    static func csvCell(_ value: FieldValue?) -> String {
        guard let value else { return "" }
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer, .decimal: return value.jsonText
        case .array(let items):
            let texts = items.compactMap(\.stringValue)
            return texts.count == items.count ? texts.joined(separator: ";") : value.jsonText
        case .object(let object):
            if object.count == 2, let lat = object["lat"], let lon = object["lon"], lat.numberValue != nil, lon.numberValue != nil {
                return "\(lat.jsonText),\(lon.jsonText)"
            }
            return value.jsonText
        }
    }
}
