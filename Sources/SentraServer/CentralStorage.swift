public import Foundation
public import SentraCore
public import SentraStore

/// What an operator's commands need of a central node's store, beyond what its HTTP API needs:
/// `sentra status`, `log`, `form list`, `user` and the office's own record writes run the same way
/// on the SQLite file (``ReplicaStorage``) and on PostgreSQL.
public protocol CentralStorage: NodeStorage {
    /// The survey commands work on when none is named: the one given at init.
    func defaultSurvey() async throws -> String

    /// Adds a survey to the node; adding one it holds already does nothing.
    func addSurvey(_ survey: String) async throws

    /// The node and a summary of each survey.
    func status() async throws -> ReplicaStatus

    /// The survey's log after `position`, oldest first, at most `limit` changes.
    func changes(survey: String, after position: Int64, limit: Int) async throws -> [LoggedChange]

    /// The last `count` changes of the survey's log, oldest first.
    func latestChanges(survey: String, count: Int) async throws -> [LoggedChange]

    /// The names of every node this one knows, its own included.
    func nodeNames() async throws -> [NodeID: String]

    /// The survey's forms with where each came from.
    func heldForms(survey: String) async throws -> [HeldForm]

    /// Creates a record with a local write of this node (see ``Replica/addRecord(survey:form:id:fields:schemaless:)``).
    func addRecord(survey: String, form: String, id: String?, fields: FieldInput, schemaless: Bool) async throws -> Change

    /// Sets fields of an existing, not deleted record (see ``Replica/setFields(survey:record:fields:)``).
    func setFields(survey: String, record id: String, fields: FieldInput) async throws -> Change

    /// Deletes a record (see ``Replica/deleteRecord(survey:record:)``).
    func deleteRecord(survey: String, record id: String) async throws -> Change

    /// Every office user, disabled ones included, by name.
    func users() async throws -> [OfficeUser]

    /// Stores a new office user (see ``Replica/addUser(_:)``).
    func addUser(_ user: OfficeUser) async throws

    /// Replaces a user's password hash and ends the user's sessions (see ``Replica/setPassword(user:hash:)``).
    func setPassword(user name: String, hash: String) async throws

    /// Disables a user and ends the user's sessions (see ``Replica/disableUser(named:at:)``).
    func disableUser(named name: String, at time: Date) async throws
}
