import SentraCore
@testable import SentraServer
import SentraStore
import Testing

/// Store errors become HTTP errors by their code alone: the same message under another code maps
/// elsewhere, and the wire code is the store's.
@Suite("Server error mapping")
struct ServerErrorMappingTests {
    @Test("each store code has its status and wire code, whatever the message says", arguments: [
        (StoreError.Code.diskFull, 507, WireErrorCode.diskFull),
        (.busy, 503, .storageBusy),
        (.storage, 500, .storage),
        (.ownOrigin, 403, .ownOrigin),
        (.causalGap, 409, .causalGap),
        (.recordDeleted, 422, WireErrorCode(rawValue: "record_deleted")),
        (.notInConflict, 422, WireErrorCode(rawValue: "not_in_conflict")),
        (.unknownRecord, 404, .unknownRecord),
    ])
    func storeCodes(code: StoreError.Code, status: Int, wire: WireErrorCode) {
        for message in ["the disk is full", "it is busy", "anything"] {
            let error = ServerError(StoreError(code, message))
            #expect(error.status == status && error.code == wire, "\(code.rawValue) with \"\(message)\"")
        }
    }
}
