/// What ``Replica/importRecords(contentsOf:format:survey:form:schemaless:batchSize:)`` wrote.
public struct ImportResult: Hashable, Sendable, Encodable {
    /// Records created, one local change each.
    public var imported: Int
    /// Transactions they were written in.
    public var transactions: Int

    public init(imported: Int = 0, transactions: Int = 0) {
        self.imported = imported
        self.transactions = transactions
    }
}
