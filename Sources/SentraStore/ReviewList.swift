/// `GET /v1/surveys/{survey}/reviews`: the survey's counts by review state, and the records asked for.
public struct ReviewList: Hashable, Sendable, Encodable {
    /// Records that are not deleted, by the state they show; states with none left out.
    public var counts: [String: Int]
    public var reviews: [ReviewView]

    public init(counts: [String: Int], reviews: [ReviewView]) {
        self.counts = counts
        self.reviews = reviews
    }
}
