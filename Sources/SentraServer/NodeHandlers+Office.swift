import Foundation
import Hummingbird
import SentraCore
import SentraStore

/// The office's routes: records, conflicts, resolution and export.
extension NodeHandlers {
    /// `GET /v1/surveys/{survey}/records?form=F&deleted=true&state=S`
    func records(_ request: Request, survey: String) async throws -> Response {
        let query = request.uri.queryParameters
        let form = try query["form"].map { try formName(String($0)) }
        let deleted = try query["deleted"].map { try flag(String($0), name: "deleted") } ?? false
        let state = try query["state"].map { try reviewState(String($0)) }
        let records = try await storage.records(survey: survey, form: form, includeDeleted: deleted)
        return try ResponseBuilder.json(records.filter { state == nil || ReviewView($0).state == state }, for: request)
    }

    /// A review state named in a query.
    func reviewState(_ text: String) throws -> ReviewState {
        guard let state = ReviewState(rawValue: text) else {
            throw ServerError.invalidQuery("state must be one of \(ReviewState.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"")
        }
        return state
    }

    /// `GET /v1/surveys/{survey}/records/{id}`
    func record(_ request: Request, survey: String, context: BasicRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        return try ResponseBuilder.json(try await storage.record(survey: survey, id: id), for: request)
    }

    /// `POST /v1/surveys/{survey}/records/{id}/resolve` with exactly one of `fields`, `restore`
    /// and `delete`; answers `{"id", "change"}` with the dot of the resolving write.
    func resolve(_ request: Request, survey: String, context: BasicRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        let body = try await reader.decode(ResolveRequest.self, from: request, requireProtocol: false)
        let resolution: Replica.Resolution
        switch (body.fields, body.restore ?? false, body.delete ?? false) {
        case (let fields?, false, false): resolution = .fields(.values(fields))
        case (nil, true, false): resolution = .restore
        case (nil, false, true): resolution = .delete
        default: throw ServerError.invalidInput("give exactly one of \"fields\", \"restore\": true and \"delete\": true")
        }
        let change = try await storage.resolve(survey: survey, record: id, resolution: resolution)
        return try ResponseBuilder.json(["id": id, "change": change.dot.description], for: request)
    }

    /// `GET /v1/surveys/{survey}/export?format=csv|json|ndjson&form=F&state=S` (CSV by default).
    func export(_ request: Request, survey: String) async throws -> Response {
        let query = request.uri.queryParameters
        let format = try query["format"].map { text in
            guard let format = ExportFormat(rawValue: String(text)) else {
                throw ServerError.invalidQuery("format must be csv, json or ndjson, not \"\(text)\"")
            }
            return format
        } ?? .csv
        let form = try query["form"].map { try formName(String($0)) }
        let state = try query["state"].map { try reviewState(String($0)) }
        let data = try await storage.export(survey: survey, form: form, state: state, records: nil, format: format)
        let type = switch format {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .ndjson: "application/x-ndjson; charset=utf-8"
        }
        return ResponseBuilder.bytes(data, contentType: type, for: request)
    }

    func formName(_ text: String) throws -> String {
        guard FormDefinition.isValidName(text) else {
            throw ServerError.invalidQuery("form \"\(text)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
        }
        return text
    }

    private func flag(_ text: String, name: String) throws -> Bool {
        switch text.lowercased() {
        case "true", "1", "": return true
        case "false", "0": return false
        default: throw ServerError.invalidQuery("\(name) must be true or false, not \"\(text)\"")
        }
    }
}

extension NodeHandlers {
    /// `POST /v1/surveys/{survey}/forms` with a form definition (JSON, as `sentra form show`
    /// prints it): publishes it from this node. Answers 201 with the published form; 409
    /// `stale_form_version` when the version is not higher than the one held.
    func publishForm(_ request: Request, survey: String) async throws -> Response {
        let form = try await reader.decode(FormDefinition.self, from: request, requireProtocol: false)
        let published = try await storage.publishForm(form, survey: survey)
        logger.info("form published", metadata: ["form.survey": "\(survey)", "form.name": "\(form.name)", "form.version": "\(form.version)"])
        return try ResponseBuilder.json(published, status: .created, for: request)
    }
}

extension NodeHandlers {
    /// `POST /v1/surveys/{survey}/records/{id}/review` with `{"state", "note", "by"}`: the node
    /// reviews the record (it must be an office node). Answers `{"id", "change"}`.
    func review(_ request: Request, survey: String, context: BasicRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        let body = try await reader.decode(ReviewRequest.self, from: request, requireProtocol: false)
        guard let state = ReviewState(rawValue: body.state) else {
            throw ServerError.invalidInput("state must be one of \(ReviewState.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(body.state)\"")
        }
        let change = try await storage.setReview(survey: survey, record: id, review: Review(state: state, note: body.note ?? "", by: body.by ?? ""))
        return try ResponseBuilder.json(["id": id, "change": change.dot.description], for: request)
    }

    /// `GET /v1/surveys/{survey}/reviews?state=S&form=F`: counts by state, and the records' reviews.
    func reviews(_ request: Request, survey: String) async throws -> Response {
        let query = request.uri.queryParameters
        let state = try query["state"].map { try reviewState(String($0)) }
        let form = try query["form"].map { try formName(String($0)) }
        return try ResponseBuilder.json(try await storage.reviews(survey: survey, state: state, form: form), for: request)
    }

    /// The body of a review.
    struct ReviewRequest: Decodable {
        let state: String
        let note: String?
        let by: String?
    }
}
