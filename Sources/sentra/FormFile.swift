import Foundation
import SentraCore
import SentraStore

/// Reads a form file named on the command line: JSON, or an XLSForm by its `.xlsx` extension.
enum FormFile {
    static func read(_ path: String) throws -> FormDefinition {
        let data = try InputFile.read(path)
        return try Replica.decodeForm(data, source: path)
    }
}
