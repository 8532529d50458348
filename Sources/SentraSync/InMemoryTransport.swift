import Foundation
public import SentraCore
public import SentraStore

/// A transport straight to another replica in the same process, for tests and simulations.
///
/// It answers through the same ``Replica/respond(to:survey:maximumLimit:)`` code as the HTTP
/// server. With a ``Faults`` plan it drops requests, loses answers after the peer applied them,
/// delivers requests twice, and delivers old requests late. The peer's replica is called on a
/// Dispatch worker, as the HTTP server calls its own, never on a cooperative thread.
public final class InMemoryTransport: SyncTransport, @unchecked Sendable {
    /// How often each fault happens, from 0 to 1, drawn from a seeded generator.
    public struct Faults: Sendable {
        public var dropRequest: Double
        public var loseResponse: Double
        public var duplicate: Double
        public var deliverLate: Double
        public var seed: UInt64

        public init(dropRequest: Double = 0, loseResponse: Double = 0, duplicate: Double = 0, deliverLate: Double = 0, seed: UInt64 = 0) {
            self.dropRequest = dropRequest
            self.loseResponse = loseResponse
            self.duplicate = duplicate
            self.deliverLate = deliverLate
            self.seed = seed
        }
    }

    /// A failure the fault plan injected.
    public struct InjectedFault: Error, Sendable {
        public let what: String
    }

    public let peer: Replica
    private let plan: FaultPlan
    private let counter = TrafficCounter()

    public init(peer: Replica, faults: Faults = Faults()) {
        self.peer = peer
        plan = FaultPlan(faults)
    }

    public func state(survey: String) async throws -> NodeState {
        try await peer.blocking { peer in try self.deliver(survey: survey) { try peer.nodeState(survey: survey) } }
    }

    public func push(_ request: PushRequest, survey: String) async throws -> PushResponse {
        plan.remember(request, survey: survey)
        return try await peer.blocking { peer in try self.deliver(survey: survey) { try peer.respond(to: request, survey: survey) } }
    }

    public func pull(_ request: PullRequest, survey: String) async throws -> PullResponse {
        try await peer.blocking { peer in try self.deliver(survey: survey) { try peer.respond(to: request, survey: survey) } }
    }

    public func forms(survey: String) async throws -> [PublishedForm] {
        try await peer.blocking { peer in try self.deliver(survey: survey) { try peer.publishedForms(survey: survey) } }
    }

    public func traffic() -> Traffic { counter.current }

    private func deliver<Answer: Encodable>(survey: String, _ answer: () throws -> Answer) throws -> Answer {
        if let late = plan.latePush() { _ = try? peer.respond(to: late.request, survey: late.survey) }
        if plan.dropsRequest { throw InjectedFault(what: "request dropped") }
        let result = try answer()
        if plan.duplicates { _ = try? answer() }
        if plan.losesResponse { throw InjectedFault(what: "response lost after the peer handled the request") }
        let size = (try? JSONEncoder().encode(result).count) ?? 0
        counter.add(received: size)
        return result
    }
}
