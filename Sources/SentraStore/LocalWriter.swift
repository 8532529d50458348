import SentraCore

/// The node's own changes inside one transaction: the clock and the node's counter are read
/// once, each change takes the next dot and timestamp, and ``finish()`` saves both. A thousand
/// records written in one transaction then read and write the clock and the counter once, not a
/// thousand times.
struct LocalWriter {
    let tables: ReplicaTables
    private let node: NodeID
    private let wallClock: @Sendable () -> Int64
    private var clock: HybridClock
    private var counter: Int

    /// Reads the clock and the counter, inside the caller's transaction.
    init(replica: Replica, tables: ReplicaTables) throws {
        self.tables = tables
        node = replica.node.id
        wallClock = replica.wallClock
        clock = try tables.clock(maxAhead: replica.maxClockAhead)
        counter = try tables.counter(of: replica.node.id)
    }

    /// Writes a local change to `record`, whose context is the change's: the next counter and
    /// HLC, logged and merged into its row. `record` is the state the caller read in this
    /// transaction, or a new record's empty state.
    mutating func write(_ operation: Change.Operation, record: RecordState, form: String) throws -> Change {
        try LocalWriteRules.checkAssignment(operation, record: record.id)
        counter += 1
        let change = Change(
            dot: Dot(origin: node, counter: counter), hlc: clock.send(now: wallClock()),
            record: record.id, form: form, context: record.context, operation: operation)
        var row = record.formStamp == nil ? nil : try tables.loadRow(record.id)
        try tables.merge(change, into: &row)
        try tables.saveRow(row!)
        return change
    }

    /// Saves the clock and the counter: once, after the transaction's last ``write(_:record:form:)``.
    func finish() throws {
        try tables.setCounter(counter, of: node)
        try tables.saveClock(clock)
    }
}
