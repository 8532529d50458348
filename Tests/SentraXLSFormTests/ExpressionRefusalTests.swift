import SentraCore
import SentraXLSForm
import Testing

/// Expressions that do not parse or name what does not exist are refused at their cell. These
/// rest on FormDefinition.validate() parsing every expression (SentraCore/Expression).
@Suite struct ExpressionRefusalTests {
    @Test func unknownFunctionInAConstraint() throws {
        let error = try RefusalTests.refusal("unknown_function", .invalidExpression, row: 3, column: "constraint")
        #expect(error.message.contains("frobnicate"))
    }

    @Test func unknownFieldInRelevant() throws {
        let error = try RefusalTests.refusal("unknown_field", .invalidExpression, row: 3, column: "relevant")
        #expect(error.message.contains("tidak_ada"))
    }

    @Test func unknownFieldInAGroupsRelevant() throws {
        let error = try RefusalTests.refusal("unknown_field_in_group", .invalidExpression, row: 3, column: "relevant")
        #expect(error.message.contains("tidak_ada"))
    }
}
