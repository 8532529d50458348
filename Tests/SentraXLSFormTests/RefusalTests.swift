import Foundation
import SentraCore
import SentraXLSForm
import Testing

/// Anything outside the subset is refused with one line that names the place, and no form.
@Suite struct RefusalTests {
    /// The refusal of fixture `name`, checked to be one line that starts with its place.
    static func refusal(_ name: String, _ code: XLSFormError.Code, sheet: String? = "survey", row: Int?, column: String?,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> XLSFormError {
        let error = try #require(try Fixture.refusal(name), "\(name).xlsx converted", sourceLocation: sourceLocation)
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.sheet == sheet, sourceLocation: sourceLocation)
        #expect(error.row == row, sourceLocation: sourceLocation)
        #expect(error.column == column, sourceLocation: sourceLocation)
        #expect(error.source == "\(name).xlsx", sourceLocation: sourceLocation)
        let place = [sheet.map { "sheet \($0)" }, row.map { "row \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
        #expect(error.description.hasPrefix("\(name).xlsx: \(place.isEmpty ? "" : place + ": ")"), "\(error)", sourceLocation: sourceLocation)
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        return error
    }

    @Test func beginRepeat() throws {
        let error = try Self.refusal("repeat", .unsupportedType, row: 3, column: "type")
        #expect(error.description.hasPrefix("repeat.xlsx: sheet survey, row 3, column type: type \"begin repeat\" is not supported; the types are text, integer"))
    }

    @Test func image() throws {
        let error = try Self.refusal("image", .unsupportedType, row: 3, column: "type")
        #expect(error.message.hasPrefix("type \"image\" is not supported"))
    }

    @Test func unsupportedColumnWithAValue() throws {
        // Row 2 leaves read_only empty, which is allowed; row 3 fills it.
        let error = try Self.refusal("unsupported_column", .unsupportedColumn, row: 3, column: "read_only")
        #expect(error.message.contains("read_only is not supported"))
    }

    @Test func selectFromAMissingList() throws {
        let error = try Self.refusal("missing_list", .unknownList, row: 3, column: "type")
        #expect(error.message == "select_one kota: the choices sheet has no list kota")
    }

    @Test func requiredThatIsAnExpression() throws {
        let error = try Self.refusal("bad_required", .invalidCell, row: 3, column: "required")
        #expect(error.message.hasPrefix("required must be yes or no, not \"${umur} > 17\""))
    }

    @Test func versionThatIsNoWholeNumber() throws {
        let error = try Self.refusal("bad_version", .invalidCell, sheet: "settings", row: 2, column: "version")
        #expect(error.description == "bad_version.xlsx: sheet settings, row 2, column version: the version must be a whole number of at least 1, such as 2024110101, not \"v2\"")
    }

    @Test func aWorkbookWithNoSurveySheet() throws {
        let error = try Self.refusal("not_xlsform", .notXLSForm, sheet: nil, row: nil, column: nil)
        #expect(error.description == "not_xlsform.xlsx: not an XLSForm: the workbook has no survey sheet, only the sheets Sheet1")
    }

    @Test func aGroupNeverClosed() throws {
        let error = try Self.refusal("unbalanced_group", .invalidForm, row: 2, column: "type")
        #expect(error.message == "group identitas is never closed: add an end group row")
    }

    @Test func anEndGroupThatClosesNothing() throws {
        let error = try Self.refusal("stray_end_group", .invalidForm, row: 3, column: "type")
        #expect(error.message == "end group closes no group")
    }

    @Test func aChoiceTwiceInOneList() throws {
        let error = try Self.refusal("duplicate_choice", .invalidForm, sheet: "choices", row: 4, column: "name")
        #expect(error.message == "list desa has the choice \"a\" twice, on rows 2 and 4")
    }

    @Test func aDefaultThatDoesNotFitItsField() throws {
        // Found by FormDefinition.validate(), placed at the field's row and the default column.
        let error = try Self.refusal("bad_default", .invalidForm, row: 3, column: "default")
        #expect(error.message.contains("umur"))
    }

    @Test func truncatedBytes() throws {
        let data = try Fixture.data("all_types")
        for length in [0, 10, data.count / 2, data.count - 30] {
            let error = try #require(Fixture.refusal(of: data.prefix(length), source: "census.xlsx"), "\(length) bytes")
            #expect(error.code == .notXLSX, "\(length) bytes")
            #expect(error.sheet == nil)
            #expect(error.description.hasPrefix("census.xlsx: "))
        }
    }

    @Test func bytesThatAreNoZIP() throws {
        let error = try #require(Fixture.refusal(of: Data("name,type\nnama,text\n".utf8), source: "form.csv"))
        #expect(error.code == .notXLSX)
        #expect(error.description == "form.csv: not an .xlsx workbook: the file is not a ZIP archive, or it is truncated")
    }

    @Test func aZIPThatIsNoWorkbook() throws {
        let error = try Self.refusal("not_a_workbook", .notXLSX, sheet: nil, row: nil, column: nil)
        #expect(error.message == "not an .xlsx workbook: it has no xl/workbook.xml")
    }
}
