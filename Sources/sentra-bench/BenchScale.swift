/// How much work each measure does: the full run that Docs/performance.md reports, or the quick
/// run CI uses so that the benchmark cannot rot.
struct BenchScale: Codable, Sendable {
    /// P1: records written one per transaction.
    var singleWrites: Int
    /// P1: records written 1,000 per transaction.
    var batchedWrites: Int
    /// P2: records whose changes are applied as pulled batches.
    var applyRecords: Int
    /// P3 and P5: records moved from a device through the central node to a fresh device, and
    /// how many times (P3 reports the median).
    var endToEndRecords: Int
    var endToEndRuns: Int
    /// P4: changes held by the small central node.
    var noOpSmall: Int
    /// P6: changes a device pulls, then P4 and P6: changes the large central node holds.
    var pullMedium: Int
    var pullLarge: Int
    /// P7: devices pushing at once, and records each.
    var devices: Int
    var recordsPerDevice: Int
    /// P8: records written into Loro and into Sentra.
    var loroRecords: Int
    /// W1: records the central node holds when the office's records page is asked for.
    var officeRecords: Int
    /// P1c: records in the CSV that `sentra record import` and `sqlite3 .import` read.
    var importRecords: Int
    /// P9: records of the import whose peak RSS is the baseline, and of the large import.
    var importMedium: Int
    var importLarge: Int

    static let full = BenchScale(
        singleWrites: 1_000, batchedWrites: 20_000, applyRecords: 20_000, endToEndRecords: 20_000, endToEndRuns: 3, noOpSmall: 10_000,
        pullMedium: 100_000, pullLarge: 1_000_000, devices: 100, recordsPerDevice: 20, loroRecords: 20_000, officeRecords: 100_000,
        importRecords: 5_000, importMedium: 100_000, importLarge: 1_000_000)

    static let quick = BenchScale(
        singleWrites: 20, batchedWrites: 1_000, applyRecords: 1_000, endToEndRecords: 500, endToEndRuns: 1, noOpSmall: 1_000,
        pullMedium: 2_000, pullLarge: 10_000, devices: 8, recordsPerDevice: 5, loroRecords: 500, officeRecords: 2_000,
        importRecords: 200, importMedium: 300, importLarge: 3_000)
}
