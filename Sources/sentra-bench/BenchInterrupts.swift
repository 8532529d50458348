import Dispatch
import Foundation

/// Cleans up when the run is interrupted (Ctrl-C, SIGTERM): stops the throwaway PostgreSQL server
/// and removes the run's folder, which the `defer`s of a run that ends by itself do, then exits.
final class BenchInterrupts {
    private let sources: [any DispatchSourceSignal]

    init(cleanUp: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("sentra-bench: interrupted; stopping PostgreSQL and removing the run's files\n".utf8))
                cleanUp()
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Gives the signals back their default action.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
