import Foundation
import SentraCore
@testable import SentraStore

/// Two replicas of one survey on real files, Ani's tablet and Budi's, with clocks tests control.
struct TwoReplicas {
    static let survey = "ikm"
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let ani: Replica
    let budi: Replica

    init() throws {
        ani = try Replica.create(at: directory.path("ani.db"), name: "tablet-ani", survey: Self.survey, wallClock: clock.reading)
        budi = try Replica.create(at: directory.path("budi.db"), name: "tablet-budi", survey: Self.survey, wallClock: clock.reading)
    }

    /// Both ways, by bundle, so node names travel too.
    func exchange() throws {
        _ = try budi.importBundle(try ani.exportBundle(survey: Self.survey).data)
        _ = try ani.importBundle(try budi.exportBundle(survey: Self.survey).data)
    }

    /// A record both replicas hold.
    func sharedRecord(_ fields: [String: FieldValue] = ["nama_usaha": .string("Konveksi Maju"), "pekerja": .integer(4)]) throws -> String {
        let id = try ani.addRecord(survey: Self.survey, form: "usaha", fields: .values(fields)).record
        try exchange()
        return id
    }

    func state(_ replica: Replica) throws -> ConvergentState {
        try ConvergentState(replica, survey: Self.survey)
    }
}
