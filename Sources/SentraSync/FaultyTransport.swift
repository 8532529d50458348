public import SentraCore

/// Any transport with a fault plan: it drops requests, loses answers after the peer handled
/// them, delivers requests twice and delivers old pushes late, as ``InMemoryTransport`` does for
/// a replica in memory. Simulations put it in front of an ``HTTPTransport`` to a real server.
///
/// ```swift
/// let http = try HTTPTransport(baseURL: server.url, token: token)
/// let transport = FaultyTransport(http, faults: .init(dropRequest: 0.1, loseResponse: 0.15, seed: 7))
/// ```
public final class FaultyTransport: SyncTransport, @unchecked Sendable {
    /// The transport that carries the requests that get through.
    public let inner: any SyncTransport
    private let plan: FaultPlan

    public init(_ inner: any SyncTransport, faults: InMemoryTransport.Faults) {
        self.inner = inner
        plan = FaultPlan(faults)
    }

    public var keepsCursors: Bool { inner.keepsCursors }

    public func state(survey: String) async throws -> NodeState {
        try await deliver { try await self.inner.state(survey: survey) }
    }

    public func push(_ request: PushRequest, survey: String) async throws -> PushResponse {
        plan.remember(request, survey: survey)
        return try await deliver { try await self.inner.push(request, survey: survey) }
    }

    public func pull(_ request: PullRequest, survey: String) async throws -> PullResponse {
        try await deliver { try await self.inner.pull(request, survey: survey) }
    }

    public func forms(survey: String) async throws -> [PublishedForm] {
        try await deliver { try await self.inner.forms(survey: survey) }
    }

    public func traffic() -> Traffic { inner.traffic() }

    private func deliver<Answer>(_ answer: () async throws -> Answer) async throws -> Answer {
        if let late = plan.latePush() { _ = try? await inner.push(late.request, survey: late.survey) }
        if plan.dropsRequest { throw InMemoryTransport.InjectedFault(what: "request dropped") }
        let result = try await answer()
        if plan.duplicates { _ = try? await answer() }
        if plan.losesResponse { throw InMemoryTransport.InjectedFault(what: "response lost after the peer handled the request") }
        return result
    }
}
