import Foundation
import SentraCore

/// A field value as a clerk reads it: a choice by its label, yes or no, a decimal with a comma
/// in Indonesian, a location as `LAT, LON`.
struct ValueText {
    let language: Language

    func text(_ value: FieldValue?, field: FieldDefinition?) -> String {
        guard let value else { return "–" }
        switch value {
        case .null: return "–"
        case .bool(let flag): return flag ? language("Ya", "Yes") : language("Tidak", "No")
        case .integer(let number): return String(number)
        case .decimal(let number):
            let text = String(number)
            return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
        case .string(let text):
            guard let choice = field?.choice(text) else { return text }
            return language.text(choice.label, fallback: text)
        case .array(let items):
            return items.map { self.text($0, field: field) }.joined(separator: "; ")
        case .object(let members):
            if let lat = members["lat"]?.numberValue, let lon = members["lon"]?.numberValue { return "\(lat), \(lon)" }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    /// The value as compact JSON: how a picked conflict value travels in a form post.
    static func json(_ value: FieldValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
