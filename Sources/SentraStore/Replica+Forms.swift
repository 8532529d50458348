public import Foundation
public import SentraCore
import GRDB

extension Replica {
    /// Adds or replaces a form definition in the survey, after checking it.
    ///
    /// Forms are local presentation and validation: they are not part of the change log, and a
    /// changed policy never changes the replicated state.
    public func importForm(_ form: FormDefinition, survey: String) throws {
        do {
            try form.validate()
        } catch {
            throw StoreError(.invalidInput, error.message, underlying: error)
        }
        try write { db in
            try ReplicaTables(db: db, survey: survey).requireSurvey()
            try db.execute(
                sql: "INSERT INTO form (survey, name, definition) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET definition = excluded.definition",
                arguments: [survey, form.name, try ReplicaTables.jsonText(form)])
        }
    }

    /// Reads a form definition from JSON, with an error that says what is wrong.
    public static func decodeForm(_ data: Data, source: String) throws -> FormDefinition {
        do {
            return try JSONDecoder().decode(FormDefinition.self, from: data)
        } catch let error as DecodingError {
            throw StoreError(.invalidInput, "\(source) is not a valid form definition: \(error.summary)", underlying: error)
        }
    }

    /// The survey's form named `name`, if defined.
    public func form(survey: String, name: String) throws -> FormDefinition? {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return try tables.form(name)
        }
    }

    /// The survey's forms, by name.
    public func forms(survey: String) throws -> [FormDefinition] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return try tables.forms().values.sorted { $0.name < $1.name }
        }
    }
}

extension DecodingError {
    /// One line saying what was wrong and where.
    var summary: String {
        let (context, what): (Context, String) = switch self {
        case .typeMismatch(let type, let context): (context, "expected \(type)")
        case .valueNotFound(let type, let context): (context, "missing \(type)")
        case .keyNotFound(let key, let context): (context, "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context): (context, context.debugDescription)
        @unknown default: (Context(codingPath: [], debugDescription: ""), "\(self)")
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? what : "\(path): \(what)"
    }
}
