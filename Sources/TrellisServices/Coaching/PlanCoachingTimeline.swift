import TrellisCore
import TrellisStore

/// The coaching a plan's timeline shows beside its check-ins: to the educator every session of their coaching, to a
/// coach only the sessions they held with this educator, and to both only what is shared with the educator. Leaders
/// and admins see none of it (coaching is not evaluation).
public struct PlanCoachingTimeline: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// One session as the timeline shows it.
    public struct Entry: Sendable, Hashable {
        public let sessionID: CoachingSession.ID
        public let timing: SessionTiming
        public let kind: SessionKind
        public let channel: ContactChannel?
        public let coachName: String
        /// The feedback's next step, when the feedback is shared with the educator.
        public let nextStep: String?
    }

    /// The sessions of `ownerID`'s coaching that `actor` may see on the plan, in the order they happened.
    public func entries(_ actor: Actor, ownerID: Person.ID) async throws -> [Entry] {
        guard actor.personID == ownerID || actor.has(.coach) else { return [] }
        let scope = env.scope(actor)
        let read = try await scope.coachingTimelines.read(educator: ownerID)
        let visible = read.relationships.filter { Policy.can(actor, .read, .coaching(CoachingAccess($0), .work)) }
        guard !visible.isEmpty else { return [] }
        let byID = Dictionary(visible.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sessions = read.sessions.filter { byID[$0.relationshipID] != nil }
        guard !sessions.isEmpty else { return [] }
        let coaches = try await scope.people.find(ids: Set(visible.map(\.coachID)))
        let names = Dictionary(coaches.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        return sessions.compactMap { session in
            guard let relationship = byID[session.relationshipID] else { return nil }
            let feedback = session.feedback.flatMap { $0.visibility == .sharedWithEducator ? $0 : nil }
            return Entry(sessionID: session.id, timing: session.timing, kind: session.kind, channel: session.channel,
                         coachName: names[relationship.coachID] ?? "Your coach", nextStep: feedback?.nextStep)
        }
    }
}
