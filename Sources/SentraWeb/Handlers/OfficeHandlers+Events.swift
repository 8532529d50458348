import Foundation
import HTTPTypes
import Hummingbird
import SentraServer

/// The dashboard's live updates: server-sent events as the survey's log grows.
extension OfficeHandlers {
    /// How long one event stream stays open; the browser reconnects by itself (`retry`), so a
    /// node shutting down never waits long for an open page.
    static let eventStreamLifetime: Duration = .seconds(30)

    /// `GET /office/s/{survey}/events`: `event: change` with the log position each time the
    /// survey's log grows, from the store's observation of the log (``NodeStorage/observeLog(survey:)``).
    func events(_ page: PageContext) async throws -> Response {
        let positions = OfficeHandlers.limited(storage.observeLog(survey: page.survey), to: OfficeHandlers.eventStreamLifetime)
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            var first = true
            for await position in positions {
                // The first value is where the log stands now: what the page shows already.
                let event = first ? "ready" : "change"
                first = false
                try await writer.write(ByteBuffer(string: "event: \(event)\ndata: {\"position\":\(position)}\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-store",
            HTTPField.Name("X-Accel-Buffering")!: "no",
        ], body: body)
    }

    /// `stream`, ending after `lifetime`.
    static func limited(_ stream: AsyncStream<Int64>, to lifetime: Duration) -> AsyncStream<Int64> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let forward = Task {
                for await value in stream { continuation.yield(value) }
                continuation.finish()
            }
            let timer = Task {
                try? await Task.sleep(for: lifetime)
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                timer.cancel()
            }
        }
    }
}
