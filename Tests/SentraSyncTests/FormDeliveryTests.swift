import Foundation
import SentraCore
import SentraStore
import SentraSync
import Testing

/// Every sync brings a device the newest published forms, through a relay too, and a local write
/// is then checked against them.
@Suite struct FormDeliveryTests {
    static func form(version: Int64, required extra: Bool = false) -> FormDefinition {
        var fields = [
            FieldDefinition(name: "nama_usaha", type: .text, required: true),
            FieldDefinition(name: "produk", type: .choice, choices: ["kaos", "kemeja"]),
        ]
        if extra {
            fields[1].choices?.append("gamis")
            fields.append(FieldDefinition(name: "nib", type: .text, required: true, constraint: "regex(., '^[0-9]{13}$')"))
        }
        return FormDefinition(name: "usaha", version: version, fields: fields)
    }

    @Test func syncDeliversNewerFormsDirectlyAndThroughARelay() async throws {
        let directory = TemporaryDirectory()
        let office = try Replica.create(at: directory.path("office.db"), name: "kantor", survey: "ikm")
        let relay = try Replica.create(at: directory.path("relay.db"), name: "supervisor", survey: "ikm")
        let ani = try Replica.create(at: directory.path("ani.db"), name: "ani", survey: "ikm")
        let budi = try Replica.create(at: directory.path("budi.db"), name: "budi", survey: "ikm")
        try office.publishForm(Self.form(version: 1), survey: "ikm")

        let direct = try await SyncDriver(replica: ani, transport: InMemoryTransport(peer: office)).sync(survey: "ikm")
        #expect(direct.formsUpdated == ["usaha": 1])
        _ = try await SyncDriver(replica: relay, transport: InMemoryTransport(peer: office)).sync(survey: "ikm")
        let relayed = try await SyncDriver(replica: budi, transport: InMemoryTransport(peer: relay)).sync(survey: "ikm")
        #expect(relayed.formsUpdated == ["usaha": 1])
        #expect(try budi.heldForms(survey: "ikm").first?.origin == "from kantor via supervisor")

        // Nothing new: the next sync fetches no forms.
        #expect(try await SyncDriver(replica: ani, transport: InMemoryTransport(peer: office)).sync(survey: "ikm").formsUpdated.isEmpty)

        try office.publishForm(Self.form(version: 2, required: true), survey: "ikm")
        try ani.addRecord(survey: "ikm", form: "usaha", id: "v1", fields: .values(["nama_usaha": "Maju", "produk": "kaos"]))
        let second = try await SyncDriver(replica: ani, transport: InMemoryTransport(peer: office)).sync(survey: "ikm")
        #expect(second.formsUpdated == ["usaha": 2] && second.pushed == 1)
        // Version 2 now decides Ani's writes: the new choice and the new required field.
        #expect(throws: StoreError.self) {
            try ani.addRecord(survey: "ikm", form: "usaha", fields: .values(["nama_usaha": "Baru", "produk": "gamis"]))
        }
        #expect(throws: StoreError.self) {
            try ani.addRecord(survey: "ikm", form: "usaha", fields: .values(["nama_usaha": "Baru", "produk": "gamis", "nib": "123"]))
        }
        try ani.addRecord(survey: "ikm", form: "usaha", fields: .values(["nama_usaha": "Baru", "produk": "gamis", "nib": "1234567890123"]))
        // The record written under version 1 keeps its values and still takes edits.
        try ani.setFields(survey: "ikm", record: "v1", fields: .values(["produk": "kemeja"]))
        #expect(try ani.record(survey: "ikm", id: "v1").fields["nama_usaha"] == "Maju")
    }

    @Test func aBundleDeliversFormsToADeviceWithNoNetwork() async throws {
        let directory = TemporaryDirectory()
        let office = try Replica.create(at: directory.path("office.db"), name: "kantor", survey: "ikm")
        let tablet = try Replica.create(at: directory.path("tablet.db"), name: "tablet", survey: "ikm")
        try office.publishForm(Self.form(version: 3), survey: "ikm")
        let transport = try BundleTransport(bundle: try office.exportBundle(survey: "ikm").data, now: 0)
        let summary = try await SyncDriver(replica: tablet, transport: transport).sync(survey: "ikm")
        #expect(summary.formsUpdated == ["usaha": 3])
        #expect(try tablet.form(survey: "ikm", name: "usaha")?.version == 3)
    }
}
