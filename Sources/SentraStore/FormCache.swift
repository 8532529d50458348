import Foundation
import SentraCore

/// Form definitions decoded from their stored JSON, kept by that text: a write reads its form's
/// definition in every transaction, and decoding 40 field definitions costs more than the write.
///
/// Keyed by the text itself, so a changed definition is a new entry and nothing goes stale.
final class FormCache: @unchecked Sendable {
    static let shared = FormCache()

    private let lock = NSLock()
    private var forms: [String: FormDefinition] = [:]
    /// Enough for every form of a few surveys; past it the cache starts again.
    private let capacity = 256

    func definition(_ text: String) throws -> FormDefinition {
        if let cached = lock.withLock({ forms[text] }) { return cached }
        let form = try JSONDecoder().decode(FormDefinition.self, from: Data(text.utf8))
        lock.withLock {
            if forms.count >= capacity { forms.removeAll() }
            forms[text] = form
        }
        return form
    }
}
