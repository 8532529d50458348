import ArgumentParser
import Foundation
import SentraCore
import SentraPostgres
import SentraQR
import SentraStore
import SentraServer
import SentraSync
import SentraXLSForm

/// Writes command results: a JSON document or human text on stdout, errors as one line on stderr.
struct Output {
    let json: Bool

    /// Runs a command body. A failure prints one line on stderr (and, with `--json`, an
    /// `{"error": …}` document on stdout) and exits 1.
    static func run(json: Bool, _ body: (Output) throws -> Void) throws {
        let output = Output(json: json)
        do {
            try body(output)
        } catch {
            throw output.fail(error)
        }
    }

    /// ``run(json:_:)`` for a body that awaits.
    static func run(json: Bool, _ body: (Output) async throws -> Void) async throws {
        let output = Output(json: json)
        do {
            try await body(output)
        } catch {
            throw output.fail(error)
        }
    }

    /// Reports a mistake in the command line as ``run(json:_:)`` reports a failure, and returns the
    /// exit code to exit with.
    static func usageError(_ message: String, json: Bool) -> ExitCode {
        Output(json: json).fail(CLIError(message))
    }

    /// Reports `error` and returns the exit code to throw.
    private func fail(_ error: any Error) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        let (code, described) = Output.describe(error)
        let message = Advice.hint(for: error).map { "\(described); \($0)" } ?? described
        if json { document(ErrorDocument(error: .init(code: code, message: message))) }
        warn(message)
        return ExitCode.failure
    }

    /// One line on stderr.
    func warn(_ message: String) {
        FileHandle.standardError.write(Data("sentra: \(message)\n".utf8))
    }

    /// Prints `value` as JSON when `--json` is set, else `text()`.
    func emit<T: Encodable>(_ value: T, text: () -> String) {
        if json { document(value) } else { line(text()) }
    }

    func document<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    func line(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    private static func describe(_ error: any Error) -> (String, String) {
        switch error {
        case let error as StoreError: (error.code.rawValue, error.message)
        case let error as CoreError: (error.code.rawValue, error.message)
        case let error as CLIError: ("usage", error.message)
        case let error as SyncError: (error.code.rawValue, error.message)
        case let error as ServerError: (error.code.rawValue, error.message)
        case let error as XLSFormError: (error.code.rawValue, error.description)
        case let error as QRError: (error.code.rawValue, error.message)
        case let error as PostgresStoreError: (error.code.rawValue, error.message)
        default: ("error", "\(error)")
        }
    }

    private struct ErrorDocument: Encodable {
        struct Body: Encodable {
            let code: String
            let message: String
        }
        let error: Body
    }
}

/// A mistake in how a command was called.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension FieldValue {
    /// The value as a person reads it: strings bare, everything else as JSON.
    var displayText: String { stringValue ?? jsonText }
}
