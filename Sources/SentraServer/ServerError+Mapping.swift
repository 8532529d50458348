import Hummingbird
import SentraCore
import SentraStore

extension ServerError {
    /// The error a client sees for `error`, thrown anywhere under a route.
    ///
    /// | store code | status |
    /// |---|---|
    /// | `invalid_input`, `unknown_form`, `record_deleted`, `not_in_conflict` | 422 |
    /// | `unknown_record`, `unknown_survey` | 404 |
    /// | `causal_gap`, `conflicting_dot`, `duplicate_record`, `stale_form_version`, `not_form_publisher` | 409 |
    /// | `own_origin`, `not_office` | 403 |
    /// | `invalid_bundle` | 400 |
    /// | `disk_full` | 507 |
    /// | `storage_busy` | 503 |
    /// | `storage` and anything else | 500 `storage` |
    ///
    /// Store codes pass through as wire codes (``WireErrorCode``). Core validation errors are 422.
    /// Anything unexpected is a 500 whose message names no internals; the log has the details.
    public init(_ error: any Error) {
        switch error {
        case let error as ServerError:
            self = error
        case let error as StoreError:
            self.init(store: error)
        case let error as CoreError:
            self.init(status: 422, code: WireErrorCode(rawValue: error.code.rawValue), message: error.message)
        case let error as any HTTPResponseError:
            self.init(http: error.status)
        default:
            self.init(status: 500, code: .internal, message: "the node failed to answer; its log has the details")
        }
    }

    private init(store error: StoreError) {
        let code = WireErrorCode(rawValue: error.code.rawValue)
        switch error.code {
        case .invalidInput, .unknownForm, .recordDeleted, .notInConflict:
            self.init(status: 422, code: code, message: error.message)
        case .unknownRecord, .unknownSurvey:
            self.init(status: 404, code: code, message: error.message)
        case .causalGap, .conflictingDot, .duplicateRecord, .staleFormVersion, .notFormPublisher:
            self.init(status: 409, code: code, message: error.message)
        case .invalidBundle:
            self.init(status: 400, code: code, message: error.message)
        case .ownOrigin, .notOffice:
            self.init(status: 403, code: code, message: error.message)
        case .diskFull:
            self.init(status: 507, code: .diskFull, message: "the node's disk is full; nothing was written")
        case .busy:
            self.init(status: 503, code: .storageBusy, message: "the node's replica is busy; nothing was written, try again")
        default:
            self.init(status: 500, code: .storage, message: "the node's storage failed; nothing was written")
        }
    }

    private init(http status: HTTPResponse.Status) {
        switch status {
        case .notFound:
            self.init(status: 404, code: .notFound, message: "no such route; see Docs/protocol.md")
        case .contentTooLarge:
            self.init(status: 413, code: .bodyTooLarge, message: "the request body is too large")
        default:
            let name = status.reasonPhrase.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: "_")
            self.init(status: status.code, code: WireErrorCode(rawValue: name.isEmpty ? "http_\(status.code)" : name), message: status.reasonPhrase)
        }
    }

    /// Whether the node, not the client, is at fault.
    public var isServerFault: Bool { status >= 500 }
}

extension ServerError {
    /// The response carrying this error as an ``ErrorResponse`` body.
    func response(for request: Request) -> Response {
        let body = ErrorResponse(code: code.rawValue, message: message)
        var response = (try? ResponseBuilder.json(body, status: HTTPResponse.Status(code: status), for: request))
            ?? Response(status: HTTPResponse.Status(code: status))
        if status == 401 {
            response.headers[.wwwAuthenticate] = #"Bearer realm="sentra""#
        }
        return response
    }
}
