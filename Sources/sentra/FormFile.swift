import Foundation
import SentraCore
import SentraStore
import SentraXLSForm

/// Reads a form file named on the command line: JSON, or an XLSForm by its `.xlsx` extension.
enum FormFile {
    static func read(_ path: String) throws -> FormDefinition {
        let data = try InputFile.read(path)
        if path.lowercased().hasSuffix(".xlsx") { return try XLSForm.read(data, source: path) }
        return try Replica.decodeForm(data, source: path)
    }
}
