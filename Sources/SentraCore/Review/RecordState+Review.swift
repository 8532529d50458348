extension RecordState {
    /// The review every replica displays: the display winner of `_review`; nil when the record
    /// has none (state `received`).
    public var review: Review? {
        fields[FieldName.review]?.displayWinner.flatMap { Review($0.value) }
    }
}
