import SentraStore
import SentraSync

/// What the CLI adds to an error for the person at the shell: the command that helps next.
///
/// Store and sync errors say what happened, for every caller (an HTTP client included); only the
/// CLI knows its own commands, so it adds them here, by error code.
enum Advice {
    /// A hint for `error`, or nil.
    static func hint(for error: any Error) -> String? {
        switch error {
        case let error as StoreError:
            switch error.code {
            case .notAReplica: "run `sentra init` first, or pass --db"
            case .alreadyExists: "remove it or choose another --db"
            case .recordDeleted: "`sentra resolve ID --restore` brings it back"
            case .notInConflict: "set it with `sentra record set`"
            case .busy: "try again"
            case .ownOrigin: "if this replica was put back from a backup file, make it again with `sentra restore`"
            default: nil
            }
        case let error as SyncError:
            switch error.code {
            case .wrongNode: "ask the office for a token of this device's own (`sentra status` shows its node ID)"
            default: nil
            }
        default: nil
        }
    }
}
