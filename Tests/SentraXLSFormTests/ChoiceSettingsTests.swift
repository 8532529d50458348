import SentraCore
import SentraXLSForm
import Testing

/// The choices sheet's extra columns, and the settings sheet.
@Suite struct ChoiceSettingsTests {
    @Test func extraChoiceColumnsAreTheChoicesColumns() throws {
        let dusun = try #require(try Fixture.form("all_types").field("dusun"))
        #expect(dusun.choice("kp-cikadu")?.columns == ["desa": "sindangmulya"])
        #expect(dusun.choice("kp-pasir")?.columns == ["desa": "ridogalih"])
        // A list whose rows leave the column empty has no columns.
        #expect(try Fixture.form("all_types").field("desa")?.choices?.allSatisfy { $0.columns.isEmpty } == true)
    }

    @Test func listNameWithASpace() throws {
        // two_languages.xlsx heads its list column "list name", as older forms do.
        #expect(try Fixture.form("two_languages").field("halal")?.choices?.map(\.name) == ["ya", "tidak"])
    }

    @Test func settings() throws {
        let form = try Fixture.form("settings")
        #expect(form.name == "pendataan")
        #expect(form.title == "Pendataan usaha")
        #expect(form.version == 2_024_110_101)
        #expect(form.defaultLanguage == "Indonesian (id)")
    }

    @Test func smallVersion() throws {
        #expect(try Fixture.form("all_types").version == 3)
    }
}
