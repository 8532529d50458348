import Foundation
import SentraCore
import Testing
@testable import SentraStore

/// Forms published by the office and delivered to devices (decision 0003): versions, publishers,
/// imports that stay local, and bundles that carry forms.
@Suite("Published forms")
struct FormPublishTests {
    static func usaha(version: Int64, extra: [FieldDefinition] = []) -> FormDefinition {
        var form = StoreFixture.usaha
        form.version = version
        form.fields += extra
        return form
    }

    @Test("a publish must raise the version; a refused publish changes nothing")
    func versionsRise() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        let first = try office.publishForm(Self.usaha(version: 1), survey: "ikm")
        #expect(first.source == .published && first.publisher == office.node && first.origin == "published here")
        for version: Int64 in [1, 0] {
            do {
                try office.publishForm(Self.usaha(version: version, extra: [FieldDefinition(name: "baru", type: .text)]), survey: "ikm")
                Issue.record("version \(version) was published over version 1")
            } catch let error as StoreError {
                #expect(error.code == (version == 0 ? .invalidInput : .staleFormVersion), "\(error.message)")
            }
        }
        #expect(try office.form(survey: "ikm", name: "usaha") == Self.usaha(version: 1))
        try office.publishForm(Self.usaha(version: 2), survey: "ikm")
        #expect(try office.heldForms(survey: "ikm").map(\.version) == [2])
        #expect(try office.nodeState(survey: "ikm").forms == ["usaha": 2])
    }

    @Test("a device keeps the newest version delivered, never an older one, and skips a form that is not valid")
    func deliveryKeepsTheNewest() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        let device = try fixture.replica("tablet-ani")
        try office.publishForm(Self.usaha(version: 2), survey: "ikm")
        let received = try device.receiveForms(office.publishedForms(survey: "ikm"), survey: "ikm", from: office.node)
        #expect(received.updated == ["usaha": 2] && received.refused.isEmpty)
        let held = try #require(try device.heldForms(survey: "ikm").first)
        #expect(held.source == .received && held.publisher == office.node && held.receivedFrom == office.node && held.version == 2)
        #expect(held.origin == "from kantor")

        let older = PublishedForm(form: Self.usaha(version: 1), publisher: office.node, publishedAt: "2026-12-01T00:00:00.000Z")
        #expect(try device.receiveForms([older], survey: "ikm", from: office.node).updated.isEmpty)
        var broken = Self.usaha(version: 3)
        broken.fields.append(FieldDefinition(name: "desa", type: .text))
        let refused = try device.receiveForms([PublishedForm(form: broken, publisher: office.node, publishedAt: "")], survey: "ikm", from: office.node)
        #expect(refused.updated.isEmpty && refused.refused.count == 1)
        #expect(try device.form(survey: "ikm", name: "usaha")?.version == 2)
    }

    @Test("the publisher never takes its own form back, nor another node's form of the same name")
    func publisherIsTheAuthority() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        let device = try fixture.replica("tablet-ani")
        try office.publishForm(Self.usaha(version: 1), survey: "ikm")
        // A device that claims a higher version of the office's own form is not listened to.
        let forged = PublishedForm(form: Self.usaha(version: 9), publisher: office.node, publishedAt: "")
        #expect(try office.receiveForms([forged], survey: "ikm", from: device.node).updated.isEmpty)
        let other = PublishedForm(form: Self.usaha(version: 9), publisher: device.node, publishedAt: "")
        let result = try office.receiveForms([other], survey: "ikm", from: device.node)
        #expect(result.updated.isEmpty && result.refused.count == 1)
        #expect(try office.form(survey: "ikm", name: "usaha")?.version == 1)
        // A device holding the office's form cannot publish it.
        try device.receiveForms(office.publishedForms(survey: "ikm"), survey: "ikm", from: office.node)
        #expect(throws: StoreError.self) { try device.publishForm(Self.usaha(version: 5), survey: "ikm") }
    }

    @Test("an imported form stays on its replica; a published one cannot be replaced by an import")
    func importsStayLocal() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        try office.importForm(Self.usaha(version: 4), survey: "ikm")
        #expect(try office.publishedForms(survey: "ikm").isEmpty)
        #expect(try office.nodeState(survey: "ikm").forms.isEmpty)
        #expect(try office.heldForms(survey: "ikm").first?.origin == "imported")
        // Publishing over an import still needs a higher version.
        #expect(throws: StoreError.self) { try office.publishForm(Self.usaha(version: 4), survey: "ikm") }
        try office.publishForm(Self.usaha(version: 5), survey: "ikm")
        do {
            try office.importForm(Self.usaha(version: 6), survey: "ikm")
            Issue.record("an import replaced a published form")
        } catch let error as StoreError {
            #expect(error.code == .notFormPublisher)
        }
    }

    @Test("a bundle carries the published forms, and its import takes the newer ones")
    func bundlesCarryForms() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        let device = try fixture.replica("tablet-ani")
        try office.publishForm(Self.usaha(version: 3), survey: "ikm")
        let result = try device.importBundle(office.exportBundle(survey: "ikm").data)
        #expect(result.forms.updated == ["usaha": 3])
        #expect(try device.form(survey: "ikm", name: "usaha")?.version == 3)
        // The device's bundle back to the office carries the form too; the office ignores its own.
        let back = try office.importBundle(device.exportBundle(survey: "ikm").data)
        #expect(back.forms.updated.isEmpty && back.forms.refused.isEmpty)
        #expect(try office.heldForms(survey: "ikm").first?.source == .published)
    }

    @Test("a field a newer version drops is kept in its records and still exported")
    func droppedFieldsStay() throws {
        let fixture = try StoreFixture()
        let office = try fixture.replica("kantor")
        try office.publishForm(Self.usaha(version: 1, extra: [FieldDefinition(name: "catatan_lama", type: .text)]), survey: "ikm")
        try office.addRecord(survey: "ikm", form: "usaha", id: "r1", fields: .values(["nama_usaha": "Maju", "catatan_lama": "tutup siang"]))
        try office.publishForm(Self.usaha(version: 2), survey: "ikm")
        #expect(try office.record(survey: "ikm", id: "r1").fields["catatan_lama"] == "tutup siang")
        let (header, rows) = try StoreFixture.readCSV(office.export(survey: "ikm", format: .csv))
        let column = try #require(header.firstIndex(of: "catatan_lama"), "\(header)")
        #expect(rows.first?[column] == "tutup siang")
        // Editing the record under version 2 leaves the old field alone, and cannot set it.
        try office.setFields(survey: "ikm", record: "r1", fields: .values(["desa": "Sindangmulya"]))
        #expect(throws: StoreError.self) { try office.setFields(survey: "ikm", record: "r1", fields: .values(["catatan_lama": "x"])) }
        #expect(try office.record(survey: "ikm", id: "r1").fields["catatan_lama"] == "tutup siang")
    }
}
