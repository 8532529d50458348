import Foundation
import SentraCore
import SentraXLSForm

/// The workbooks in Fixtures/, written by Fixtures/make_fixtures.py.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("\(name).xlsx"))
    }

    /// The form the fixture `name` converts to.
    static func form(_ name: String) throws -> FormDefinition {
        try XLSForm.read(data(name), source: "\(name).xlsx")
    }

    /// The error the fixture `name` is refused with; nil when it converts.
    static func refusal(_ name: String) throws -> XLSFormError? {
        refusal(of: try data(name), source: "\(name).xlsx")
    }

    static func refusal(of data: Data, source: String) -> XLSFormError? {
        do {
            _ = try XLSForm.read(data, source: source)
            return nil
        } catch {
            return error
        }
    }
}
