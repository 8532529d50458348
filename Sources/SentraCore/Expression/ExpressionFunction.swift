/// The functions of the form expression language: exactly these seven.
enum ExpressionFunction: String, Hashable, Sendable, CaseIterable {
    case not
    case selected
    case countSelected = "count-selected"
    case stringLength = "string-length"
    case regex
    case today
    case `if`

    /// How many arguments the function takes.
    var arity: Int {
        switch self {
        case .today: 0
        case .not, .countSelected, .stringLength: 1
        case .selected, .regex: 2
        case .if: 3
        }
    }

    /// What the arguments are, for the wrong-argument-count message.
    var argumentNames: String {
        switch self {
        case .not: "a condition"
        case .selected: "the list and the value"
        case .countSelected: "the list"
        case .stringLength: "the text"
        case .regex: "the text and the pattern"
        case .today: ""
        case .if: "the condition, the value if true and the value if false"
        }
    }
}
