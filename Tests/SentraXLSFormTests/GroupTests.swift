import SentraCore
import SentraXLSForm
import Testing

/// Groups become sections; a field's section is its innermost group (Fixtures/groups.xlsx).
@Suite struct GroupTests {
    @Test func nestedGroupsAreSectionsWithParents() throws {
        let form = try Fixture.form("groups")
        #expect(form.sections == [
            FormSection(name: "identitas", label: "Identitas", relevant: "${judul} != ''"),
            FormSection(name: "alamat", label: "Alamat", parent: "identitas"),
            FormSection(name: "kosong"),
        ])
    }

    @Test func eachFieldIsInItsInnermostGroup() throws {
        let form = try Fixture.form("groups")
        #expect(form.fields.map(\.name) == ["judul", "pemilik", "jalan", "telepon", "penutup"])
        #expect(form.fields.map(\.section) == [nil, "identitas", "alamat", "identitas", nil])
    }

    @Test func withoutSettingsTheFormIsNamedAfterItsFile() throws {
        let form = try Fixture.form("groups")
        #expect(form.name == "groups")
        #expect(form.version == 1)
        #expect(form.title == nil)
    }

    @Test func aFileNameThatIsNoFormNameNeedsAFormID() throws {
        let error = try #require(Fixture.refusal(of: try Fixture.data("groups"), source: "uploads/my form.xlsx"))
        #expect(error.code == .invalidCell)
        #expect(error.column == "form_id")
        #expect(error.description.hasPrefix("uploads/my form.xlsx: sheet settings, column form_id: the form has no form_id"))
    }
}
