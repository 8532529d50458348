public import Hummingbird

/// Every route of the node's HTTP API, with the least role it needs.
///
/// The server registers exactly these routes, and the tests walk the same table, so a route
/// cannot be added without its authorization being tested.
///
/// | method | path | least role |
/// |---|---|---|
/// | GET | /healthz | none |
/// | GET | /metrics | enumerator, not scoped to a survey (none with `--public-metrics`) |
/// | GET | /v1/surveys/{survey}/state | enumerator |
/// | POST | /v1/surveys/{survey}/push | enumerator |
/// | POST | /v1/surveys/{survey}/pull | enumerator |
/// | GET | /v1/surveys/{survey}/forms | enumerator |
/// | POST | /v1/surveys/{survey}/forms | office |
/// | GET | /v1/surveys/{survey}/records | office |
/// | GET | /v1/surveys/{survey}/records/{id} | office |
/// | GET | /v1/surveys/{survey}/records/{id}/history | office |
/// | GET | /v1/surveys/{survey}/conflicts | office |
/// | POST | /v1/surveys/{survey}/records/{id}/resolve | office |
/// | POST | /v1/surveys/{survey}/records/{id}/review | office |
/// | GET | /v1/surveys/{survey}/reviews | office |
/// | GET | /v1/surveys/{survey}/export | office |
/// | GET | /v1/devices | office, not scoped to a survey |
/// | GET | /v1/tokens | admin, not scoped to a survey |
/// | POST | /v1/tokens | admin, not scoped to a survey |
/// | DELETE | /v1/tokens/{name} | admin, not scoped to a survey |
public enum NodeRoutes {
    /// One route: a method, a path template with `{parameters}`, and the least role it needs
    /// (nil: no token needed).
    public struct Route: Sendable, CustomStringConvertible {
        public let method: HTTPRequest.Method
        public let path: String
        public let role: Role?
        let endpoint: Endpoint

        /// Whether the route is under `/v1/surveys/{survey}/`, so a token scoped to another
        /// survey may not use it. Other authenticated routes need a token scoped to no survey.
        public var isSurveyScoped: Bool { path.hasPrefix("/v1/surveys/{survey}/") }

        public var description: String { "\(method) \(path)" }
    }

    /// What a route does; ``NodeHandlers`` switches on it.
    enum Endpoint: Sendable {
        case health, metrics
        case state, push, pull, forms, publishForm
        case records, record, history, conflicts, resolve, review, reviews, export, devices
        case listTokens, createToken, revokeToken
    }

    /// Every route, in the order of the protocol documentation.
    public static let all: [Route] = [
        Route(method: .get, path: "/healthz", role: nil, endpoint: .health),
        Route(method: .get, path: "/metrics", role: .enumerator, endpoint: .metrics),
        Route(method: .get, path: "/v1/surveys/{survey}/state", role: .enumerator, endpoint: .state),
        Route(method: .post, path: "/v1/surveys/{survey}/push", role: .enumerator, endpoint: .push),
        Route(method: .post, path: "/v1/surveys/{survey}/pull", role: .enumerator, endpoint: .pull),
        Route(method: .get, path: "/v1/surveys/{survey}/forms", role: .enumerator, endpoint: .forms),
        Route(method: .post, path: "/v1/surveys/{survey}/forms", role: .office, endpoint: .publishForm),
        Route(method: .get, path: "/v1/surveys/{survey}/records", role: .office, endpoint: .records),
        Route(method: .get, path: "/v1/surveys/{survey}/records/{id}", role: .office, endpoint: .record),
        Route(method: .get, path: "/v1/surveys/{survey}/records/{id}/history", role: .office, endpoint: .history),
        Route(method: .get, path: "/v1/surveys/{survey}/conflicts", role: .office, endpoint: .conflicts),
        Route(method: .post, path: "/v1/surveys/{survey}/records/{id}/resolve", role: .office, endpoint: .resolve),
        Route(method: .post, path: "/v1/surveys/{survey}/records/{id}/review", role: .office, endpoint: .review),
        Route(method: .get, path: "/v1/surveys/{survey}/reviews", role: .office, endpoint: .reviews),
        Route(method: .get, path: "/v1/surveys/{survey}/export", role: .office, endpoint: .export),
        Route(method: .get, path: "/v1/devices", role: .office, endpoint: .devices),
        Route(method: .get, path: "/v1/tokens", role: .admin, endpoint: .listTokens),
        Route(method: .post, path: "/v1/tokens", role: .admin, endpoint: .createToken),
        Route(method: .delete, path: "/v1/tokens/{name}", role: .admin, endpoint: .revokeToken),
    ]

    /// The routes a server registers: ``all``, with `GET /metrics` open to anyone when
    /// `publicMetrics` is set (`sentra serve --public-metrics`, for a scraper without a token).
    public static func routes(publicMetrics: Bool) -> [Route] {
        guard publicMetrics else { return all }
        return all.map { route in
            route.endpoint == .metrics ? Route(method: route.method, path: route.path, role: nil, endpoint: route.endpoint) : route
        }
    }
}
