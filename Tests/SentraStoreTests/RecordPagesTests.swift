import Foundation
import SentraCore
import SentraStore
import Testing

/// `Replica.records(survey:after:limit:)`: a long read in pages, deleted records included.
@Suite struct RecordPagesTests {
    @Test func pagesCoverEveryRecordOnceInIDOrder() throws {
        let fixture = try StoreFixture()
        let replica = try fixture.replica()
        let ids = (1...7).map { String(format: "r%02d", $0) }
        for id in ids {
            _ = try replica.addRecord(survey: "ikm", form: "usaha", id: id, fields: .values(["nama_usaha": .string("Usaha \(id)")]))
        }
        _ = try replica.deleteRecord(survey: "ikm", record: "r03")

        var seen: [RecordView] = []
        var last = ""
        while true {
            let page = try replica.records(survey: "ikm", after: last, limit: 3)
            seen += page
            guard page.count == 3, let next = page.last?.id else { break }
            last = next
        }
        #expect(seen.map(\.id) == ids)
        #expect(seen.first { $0.id == "r03" }?.deleted == true)
        #expect(try replica.records(survey: "ikm", after: "r07", limit: 3).isEmpty)
        #expect(throws: StoreError.self) { try replica.records(survey: "nope", after: "", limit: 3) }
    }
}
