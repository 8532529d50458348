import Foundation
import Testing
@testable import SentraCore

/// The shared cases of `Tests/Fixtures/expression-cases.json`, which the field app's JavaScript
/// evaluator runs too: each expression must give exactly the JSON result, or fail with the code.
@Suite("Expression case file")
struct ExpressionCaseFileTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/expression-cases.json")

    @Test("every case gives its result or its error code")
    func cases() throws {
        guard case .array(let cases) = try JSONReader.parse(Array(try Data(contentsOf: Self.file))) else {
            Issue.record("the case file is not a JSON array")
            return
        }
        #expect(cases.count >= 80)
        var codes = Set<String>()
        for (index, item) in cases.enumerated() {
            guard case .object(let object) = item, let text = object["expression"]?.stringValue else {
                Issue.record("case \(index) has no expression")
                continue
            }
            let kind: FormExpression.Kind = object["kind"]?.stringValue == "choiceFilter" ? .choiceFilter : .field
            let label = "case \(index): \(text.prefix(80))"
            if let code = object["error"]?.stringValue {
                codes.insert(code)
                do {
                    let parsed = try FormExpression.parse(text, kind: kind)
                    Issue.record("\(label): parsed as \(parsed), expected error \(code)")
                } catch {
                    #expect(error.code.rawValue == code, "\(label): \(error.message)")
                }
                continue
            }
            let expression: FormExpression
            do {
                expression = try FormExpression.parse(text, kind: kind)
            } catch {
                Issue.record("\(label): \(error.message)")
                continue
            }
            let context = ExpressionContext(
                current: object["current"],
                fields: object["fields"].flatMap { if case .object(let fields) = $0 { fields } else { nil } } ?? [:],
                choice: object["choice"].flatMap { if case .object(let choice) = $0 { choice.compactMapValues(\.stringValue) } else { nil } } ?? [:],
                today: object["today"]?.stringValue ?? "2026-12-02")
            let expected: ExpressionValue? = switch object["result"] {
            case .bool(let flag)?: .boolean(flag)
            case .string(let text)?: .string(text)
            case let other?: other.numberValue.map { .number($0) }
            case nil: nil
            }
            #expect(expected != nil, "\(label): no result")
            #expect(expression.evaluate(context) == expected, "\(label)")
        }
        #expect(codes == Set(ExpressionError.Code.allCases.map(\.rawValue)), "every error code has a case")
    }
}
