public import Foundation
public import SentraCore
public import SentraServer
public import SentraStore

/// The operator's commands on PostgreSQL (in progress).
extension PostgresStore: CentralStorage {
    public func defaultSurvey() async throws -> String { try await surveys().first ?? "" }
    public func status() async throws -> ReplicaStatus { throw Self.officeViews }
    public func changes(survey: String, after position: Int64, limit: Int) async throws -> [LoggedChange] { throw Self.officeViews }
    public func latestChanges(survey: String, count: Int) async throws -> [LoggedChange] { throw Self.officeViews }
    public func nodeNames() async throws -> [NodeID: String] { throw Self.officeViews }
    public func heldForms(survey: String) async throws -> [HeldForm] { throw Self.officeViews }
    public func addRecord(survey: String, form: String, id: String?, fields: FieldInput, schemaless: Bool) async throws -> Change { throw Self.officeViews }
    public func setFields(survey: String, record id: String, fields: FieldInput) async throws -> Change { throw Self.officeViews }
    public func deleteRecord(survey: String, record id: String) async throws -> Change { throw Self.officeViews }
    public func users() async throws -> [OfficeUser] { throw Self.officeViews }
    public func addUser(_ user: OfficeUser) async throws { throw Self.officeViews }
    public func setPassword(user name: String, hash: String) async throws { throw Self.officeViews }
    public func disableUser(named name: String, at time: Date) async throws { throw Self.officeViews }
}
