import Testing
@testable import SentraCore

/// The review field `_review` (decision 0013): its value, the wire rule, and what a node that is
/// not an office may write.
@Suite("Review field")
struct ReviewTests {
    static let node = NodeID(rawValue: "a11ce0")!

    static func change(_ values: [String: FieldValue]) -> Change {
        Change(dot: Dot(origin: node, counter: 1), hlc: HybridTimestamp(physical: 1, logical: 0), record: "r1", form: "usaha",
               context: VersionVector(), operation: .assign(values))
    }

    @Test("a review reads back from its value; anything else is refused on the wire")
    func values() {
        let review = Review(state: .hasIssues, note: "NIB kosong", by: "Dewi")
        #expect(Review(review.value) == review)
        #expect(Review(.object(["state": "approved"])) == Review(state: .approved))
        for bad: FieldValue in [.string("approved"), .object(["state": "ok"]), .object(["state": "approved", "note": 3]),
                                .object(["state": "approved", "extra": "x"]), .null] {
            #expect(Review(bad) == nil, "\(bad)")
            #expect(Change.invalidAssignment([FieldName.review: bad]) != nil, "\(bad)")
        }
        #expect(Change.invalidAssignment([FieldName.review: review.value]) == nil)
        #expect(Change.invalidAssignment(["_lain": "x"]) != nil)
    }

    @Test("a node that is not an office may only mark its own edit as edited")
    func nonOfficeWrites() {
        #expect(Review.refusalForNonOffice(Self.change(["nib": "3201234567890"])) == nil)
        #expect(Review.refusalForNonOffice(Self.change(["nib": "3201234567890", FieldName.review: Review(state: .edited, note: "NIB kosong").value])) == nil)
        for state in ReviewState.allCases where state != .edited {
            #expect(Review.refusalForNonOffice(Self.change(["nib": "1", FieldName.review: Review(state: state).value])) != nil, "\(state)")
        }
        #expect(Review.refusalForNonOffice(Self.change([FieldName.review: Review(state: .edited).value])) != nil, "edited needs an edit")
    }
}
