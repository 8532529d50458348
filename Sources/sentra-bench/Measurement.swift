/// One row of the benchmark's table: what Sentra did, the baseline measured in the same run,
/// and the target the issue sets, if any.
struct Measurement: Codable, Sendable {
    /// `P1`…`P8`, with a letter for each row of a measure: `P1a`.
    var id: String
    var name: String
    var value: Double
    var unit: String
    var baseline: Double?
    var baselineName: String?
    /// Sentra against the baseline, in the direction the target reads (see each measure).
    var ratio: Double?
    /// The target as the issue words it, such as `≤ 2.0×`.
    var target: String?
    var met: Bool?
    var note: String?

    init(_ id: String, _ name: String, value: Double, unit: String, baseline: Double? = nil, baselineName: String? = nil,
         ratio: Double? = nil, target: String? = nil, met: Bool? = nil, note: String? = nil) {
        self.id = id
        self.name = name
        self.value = value
        self.unit = unit
        self.baseline = baseline
        self.baselineName = baselineName
        self.ratio = ratio
        self.target = target
        self.met = met
        self.note = note
    }
}
