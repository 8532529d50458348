import Metrics
import Prometheus

/// The node's metrics, in a Prometheus registry of its own.
///
/// Metrics go through swift-metrics with a ``PrometheusMetricsFactory`` over this registry, not
/// through the global `MetricsSystem`, so several servers in one process (as in the tests) count
/// separately and nothing needs bootstrapping.
///
/// - `sentra_http_requests_total{route,status}`: every response, by route template.
/// - `sentra_changes_applied_total{survey}`: changes merged from pushes.
/// - `sentra_changes_clock_ahead_total{survey}`: pushed changes whose HLC was too far ahead of
///   the node's wall clock for its clock to follow (applied all the same).
/// - `sentra_sync_duration_seconds{route}`: time spent in push and pull.
/// - `sentra_errors_total{code}`: error responses, by error code.
final class ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Counts one response. `route` is a route template, so the label set stays small.
    func recordRequest(route: String, status: Int) {
        Counter(label: "sentra_http_requests_total", dimensions: [("route", route), ("status", String(status))], factory: factory)
            .increment()
    }

    /// Counts changes applied from a push.
    func recordApplied(_ count: Int, survey: String) {
        Counter(label: "sentra_changes_applied_total", dimensions: [("survey", survey)], factory: factory)
            .increment(by: count)
    }

    /// Counts pushed changes whose clock was too far ahead to follow.
    func recordClockAhead(_ count: Int, survey: String) {
        Counter(label: "sentra_changes_clock_ahead_total", dimensions: [("survey", survey)], factory: factory)
            .increment(by: count)
    }

    /// Records the time one push or pull took.
    func recordSync(route: String, nanoseconds: Int64) {
        Timer(label: "sentra_sync_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    /// Counts one error response.
    func recordError(code: String) {
        Counter(label: "sentra_errors_total", dimensions: [("code", code)], factory: factory).increment()
    }

    /// Every metric in the Prometheus text exposition format.
    func text() -> String {
        registry.emitToString()
    }
}
