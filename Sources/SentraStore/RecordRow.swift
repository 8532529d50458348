import SentraCore

/// A record as the write path holds it between reading its row and writing it back.
///
/// A record's row either holds every entry (``base`` is nil), or points at the change that
/// created it and holds only the entries written after it (decision 0008): the creating change's
/// values are its entries for every field no later change assigned, and the log already holds
/// them. A census record written once and revisited a few times then costs one copy of its values,
/// in the log, and a revisit rewrites a row of a few hundred bytes instead of every value.
///
/// Invariants of a row with a base, which make ``state`` answer for the whole record wherever
/// the write path asks (its form, context, conflicts and deletion):
/// - the base is an assignment of user fields only (no `_deleted`, no `_review`);
/// - ``state``'s fields are exactly the fields assigned after the base, each of which no longer
///   holds the base's entry: every later change covered the base (``canApplyOnTop(_:)``);
/// - so no field holds both, the record is not deleted, and a field is in conflict exactly when
///   it is in ``state`` with two or more entries.
struct RecordRow {
    /// The change a row points at, by its position in the log.
    struct Base: Hashable {
        var seq: Int64
        var dot: Dot
    }

    /// The merged state; without the base's values when ``base`` is set.
    var state: RecordState
    var base: Base?

    /// Whether a new record's first change may stay in the log only: an assignment of user fields.
    static func canBeBase(_ change: Change) -> Bool {
        guard case .assign(let values) = change.operation else { return false }
        return values.keys.allSatisfy { $0.utf8.first != UInt8(ascii: "_") }
    }

    /// Whether `change` applies to ``state`` alone, keeping the base: an assignment, not of
    /// `_deleted`, made by a node that held the base, so that it removes the base's entry of every
    /// field it assigns.
    func canApplyOnTop(_ change: Change) -> Bool {
        guard let base, case .assign(let values) = change.operation else { return false }
        return values[FieldName.deleted] == nil && change.context.covers(base.dot)
    }
}
