import Hummingbird
import Logging

/// The outermost middleware: turns every error into an ``ErrorResponse`` with its status, and
/// counts every response in the metrics.
///
/// Unknown routes reach it too (as Hummingbird's not-found error), so every 4xx and 5xx the node
/// sends has a JSON body.
struct BoundaryMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let failure = ServerError(error)
            metrics.recordError(code: failure.code.rawValue)
            var metadata: Logger.Metadata = [
                "http.method": "\(request.method)", "http.path": "\(request.uri.path)",
                "http.status": "\(failure.status)", "error.code": "\(failure.code)",
            ]
            if failure.isServerFault {
                metadata["error.detail"] = "\(String(reflecting: error))"
                logger.error("request failed: \(failure.message)", metadata: metadata)
            } else {
                logger.info("request refused: \(failure.message)", metadata: metadata)
            }
            response = failure.response(for: request)
        }
        metrics.recordRequest(route: BoundaryMiddleware.routeLabel(context.endpointPath), status: Int(response.status.code))
        return response
    }

    /// The route template for metrics; requests that matched no route share one label.
    static func routeLabel(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }
}
