public import Foundation
public import SentraCore
import GRDB

extension Replica {
    /// Adds or replaces a form definition for this replica's own use, after checking it.
    ///
    /// An imported form does not travel: only ``publishForm(_:survey:)`` sends a form to other
    /// replicas. Forms are not part of the change log, and never decide whether a received change
    /// is applied (decision 0003).
    ///
    /// - Throws: ``StoreError`` `.notFormPublisher` when this replica publishes the form: a
    ///   published form changes only by publishing a higher version.
    public func importForm(_ form: FormDefinition, survey: String) throws {
        try Replica.validate(form)
        try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            if let held = try tables.heldForm(form.name), held.source == .published {
                throw StoreError(.notFormPublisher, "form \(form.name) is published here (version \(held.version)); publish a higher version with `sentra form publish` instead")
            }
            try tables.saveForm(HeldForm(definition: form, source: .imported, updatedAt: ISO8601Time(milliseconds: wallClock()).text))
        }
    }

    /// Publishes a form from this replica: every replica that syncs with it, directly or through
    /// relays, receives it and checks its local writes against it.
    ///
    /// - Throws: ``StoreError`` `.staleFormVersion` when the version is not higher than the one
    ///   held, and `.notFormPublisher` when another node published the form this replica holds.
    ///   Either way nothing changes.
    @discardableResult
    public func publishForm(_ form: FormDefinition, survey: String) throws -> HeldForm {
        try Replica.validate(form)
        return try write { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            if let held = try tables.heldForm(form.name) {
                if held.source == .received, let publisher = held.publisher {
                    throw StoreError(.notFormPublisher, "form \(form.name) is published by \(publisher.name); publish its new versions there")
                }
                guard form.version > held.version else {
                    throw StoreError(.staleFormVersion, "form \(form.name) is at version \(held.version) here; a publish must raise the version (this file has \(form.version))")
                }
            }
            let now = ISO8601Time(milliseconds: wallClock()).text
            let published = HeldForm(definition: form, source: .published, publisher: node, publishedAt: now, updatedAt: now)
            try tables.saveForm(published)
            return published
        }
    }

    /// Stores the forms a peer delivered that are newer than the ones held, in one transaction.
    ///
    /// A form this replica publishes itself is never replaced from outside, and a delivered form
    /// that does not validate is skipped: forms never stop a sync (decision 0003).
    @discardableResult
    public func receiveForms(_ forms: [PublishedForm], survey: String, from peer: NodeInfo) throws -> FormsReceived {
        try write { db in
            try receiveForms(forms, tables: ReplicaTables(db: db, survey: survey), from: peer)
        }
    }

    /// ``receiveForms(_:survey:from:)`` inside the caller's transaction.
    func receiveForms(_ forms: [PublishedForm], tables: ReplicaTables, from peer: NodeInfo) throws -> FormsReceived {
        try tables.requireSurvey()
        var result = FormsReceived()
        let now = ISO8601Time(milliseconds: wallClock()).text
        try tables.learn([peer] + forms.map(\.publisher), except: node.id)
        for delivered in forms {
            let form = delivered.form
            do {
                try form.validate()
            } catch {
                result.refused.append("form \(form.name) version \(form.version) from \(peer.name) is not valid: \(error.message)")
                continue
            }
            guard delivered.publisher.id != node.id else { continue }
            let held = try tables.heldForm(form.name)
            if let held, held.source == .published {
                result.refused.append("form \(form.name) from \(delivered.publisher.name) was ignored: this node publishes its own form \(form.name)")
                continue
            }
            guard form.version > held?.version ?? 0 else { continue }
            try tables.saveForm(HeldForm(definition: form, source: .received, publisher: delivered.publisher,
                                         publishedAt: delivered.publishedAt, receivedFrom: peer, updatedAt: now))
            result.updated[form.name] = form.version
        }
        return result
    }

    /// The versions of the forms this replica holds, by name, whatever their source: a sync
    /// fetches a peer's forms when one of them is newer.
    public func formVersions(survey: String) throws -> [String: Int64] {
        try forms(survey: survey).reduce(into: [:]) { $0[$1.name] = $1.version }
    }

    /// The forms that travel from this replica (published here or received), as peers get them.
    public func publishedForms(survey: String) throws -> [PublishedForm] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return try tables.publishedForms()
        }
    }

    /// Every form the survey holds, with its version and where it came from, by name.
    public func heldForms(survey: String) throws -> [HeldForm] {
        try read { db in
            let tables = ReplicaTables(db: db, survey: survey)
            try tables.requireSurvey()
            return try tables.heldForms()
        }
    }

    private static func validate(_ form: FormDefinition) throws {
        do {
            try form.validate()
        } catch {
            throw StoreError(.invalidInput, error.message, underlying: error)
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
