import Synchronization
import Foundation
package import SentraCore

/// The rules of a node's own writes, whatever stores them: what each write assigns, checked
/// against the record as it is and against its form. A store reads the record inside its
/// transaction, asks here for the operation, and writes the change with its next counter and
/// clock (``Replica`` on SQLite, the PostgreSQL store of a central office).
package enum LocalWriteRules {
    /// Refuses a form name that is not 1 to 64 letters, digits, `_` or `-`.
    package static func checkFormName(_ form: String) throws {
        guard FormDefinition.isValidName(form) else {
            throw StoreError(.invalidInput, "form name \"\(form)\" must be 1 to 64 letters, digits, \"_\" or \"-\"")
        }
    }

    /// The ID for a new record: `id` once checked, or a new UUIDv7 of `milliseconds` when it is nil.
    package static func newRecordID(_ id: String?, milliseconds: Int64) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let id = id ?? RecordID.uuidV7(milliseconds: milliseconds, using: &generator)
        guard RecordID.isValid(id) else {
            throw StoreError(.invalidInput, "record ID \"\(id)\" must be 1 to 128 printable characters without spaces")
        }
        return id
    }

    /// The definition new records of `form` are checked by: the survey's definition of `form`; nil
    /// (schemaless) when the survey defines no form at all, or when `schemaless` allows a form it
    /// does not define. See decision 0010.
    package static func definitionForNewRecords(_ form: String, schemaless: Bool, forms: [String: FormDefinition], survey: String) throws -> FormDefinition? {
        if let definition = forms[form] { return definition }
        guard schemaless || forms.isEmpty else {
            throw StoreError(.unknownForm, "survey \(survey) has no form \"\(form)\"; its forms are \(forms.keys.sorted().joined(separator: ", "))")
        }
        return nil
    }

    /// The local date, `YYYY-MM-DD` in the machine's time zone, as a form's `today()` reads it: an
    /// enumerator in Bekasi at 06:00 WIB is on the same day as their calendar.
    package static func localDate(milliseconds: Int64) -> String {
        let minute = milliseconds / 60_000
        if let cached = lastDate.withLock({ $0 }), cached.minute == minute { return cached.date }
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        lastDate.withLock { $0 = (minute, text) }
        return text
    }

    /// The last date ``localDate(milliseconds:)`` worked out, and the minute it was for: a batch
    /// of a thousand writes asks the calendar once (a day starts on a minute in every time zone).
    private static let lastDate = Mutex<(minute: Int64, date: String)?>(nil)

    /// The record a write changes: `state`, or ``StoreError`` `.unknownRecord` when there is none.
    package static func existing(_ state: RecordState?, id: String, survey: String) throws -> RecordState {
        guard let state else { throw StoreError(.unknownRecord, "no record \(id) in survey \(survey)") }
        return state
    }

    /// Setting fields of a record that is not deleted. `edited` is the review the edit carries
    /// with it (see ``Replica``'s edits on a device), nil on an office node.
    package static func edit(_ fields: FieldInput, of state: RecordState, form: FormDefinition?, edited: Review?,
                             today: () -> String) throws -> Change.Operation {
        guard !state.isDeleted else {
            throw StoreError(.recordDeleted, "record \(state.id) is deleted; restore it to edit it")
        }
        guard !fields.fieldNames.isEmpty else { throw StoreError(.invalidInput, "give at least one FIELD=VALUE") }
        var values = try fields.resolved(by: form, isNew: false, record: { state.displayValues }, today: today)
        if let edited { values[FieldName.review] = edited.value }
        return .assign(values)
    }

    /// Deleting a record: refused when it is deleted already and not in conflict.
    package static func deletion(of state: RecordState) throws -> Change.Operation {
        guard !state.isDeleted || state.hasConflicts else {
            throw StoreError(.invalidInput, "record \(state.id) is deleted already")
        }
        return .delete
    }

    /// Settling a record's conflicts with a write whose context covers every entry (see
    /// ``Replica/resolve(survey:record:resolution:)``).
    package static func resolution(_ resolution: Replica.Resolution, of state: RecordState, form: FormDefinition?,
                                   today: () -> String) throws -> Change.Operation {
        switch resolution {
        case .fields(let input):
            guard !state.isDeleted else {
                throw StoreError(.recordDeleted, "record \(state.id) is deleted; resolve it by restoring or deleting it")
            }
            let conflicted = Set(state.conflicts(presentedBy: form).compactMap(\.field))
            guard !input.fieldNames.isEmpty else { throw StoreError(.invalidInput, "give at least one FIELD=VALUE") }
            if let field = input.fieldNames.sorted().first(where: { !conflicted.contains($0) }) {
                throw StoreError(.notInConflict, "field \(field) of record \(state.id) is not in conflict; set it as any field")
            }
            return .assign(try input.resolved(by: form, isNew: false, record: { state.displayValues }, today: today))
        case .restore:
            guard let deleted = state.fields[FieldName.deleted], state.isDeleted || deleted.count > 1 else {
                throw StoreError(.invalidInput, "record \(state.id) is not deleted")
            }
            return .assign([FieldName.deleted: .bool(false)])
        case .delete:
            return .delete
        }
    }

    /// Setting a record's review: the reserved field `_review`, on a record that is not deleted.
    package static func review(_ review: Review, of state: RecordState) throws -> Change.Operation {
        guard !state.isDeleted else {
            throw StoreError(.recordDeleted, "record \(state.id) is deleted; restore it (`sentra resolve \(state.id) --restore`) to review it")
        }
        guard review.note.unicodeScalars.count <= Review.maximumNoteLength else {
            throw StoreError(.invalidInput, "a review note is at most \(Review.maximumNoteLength) characters")
        }
        return .assign([FieldName.review: review.value])
    }

    /// Refuses an assignment a change may not carry (no values, a reserved field misused).
    package static func checkAssignment(_ operation: Change.Operation, record id: String) throws {
        if case .assign(let values) = operation, let reason = Change.invalidAssignment(values) {
            throw StoreError(.invalidInput, values.isEmpty ? "record \(id) needs at least one field with a value" : reason)
        }
    }
}
