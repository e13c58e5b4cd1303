import Foundation
import TrellisCore
import TrellisStore

/// What the coaching pages read about relationships: "My coaching", the people one may propose to, and one
/// relationship as the answer and end pages show it.
extension CoachingService {
    /// A relationship with the name of the person on the other side.
    public struct Counterpart: Sendable, Hashable {
        public let relationship: CoachingRelationship
        public let version: Int
        public let otherName: String
    }

    /// An educator's coaching: coaches now, proposals waiting for their answer, and requests they sent.
    public struct MyCoaching: Sendable {
        public let coaches: [Counterpart]
        public let awaitingMyAnswer: [Counterpart]
        public let sent: [Counterpart]
    }

    public func mine(_ actor: Actor) async throws -> MyCoaching {
        let stored = try await env.scope(actor).coachingRelationships.relationships(educator: actor.personID, in: [.proposed, .active])
        let all = try await counterparts(actor, stored)
        return MyCoaching(coaches: all.filter { $0.relationship.isActive },
                          awaitingMyAnswer: all.filter { $0.relationship.awaitsAnswer(from: actor.personID) },
                          sent: all.filter { $0.relationship.state == .proposed && !$0.relationship.awaitsAnswer(from: actor.personID) })
    }

    /// Proposals waiting for a coach's answer, and the invitations the coach sent, as the caseload lists them.
    public func coachProposals(_ actor: Actor) async throws -> [Counterpart] {
        let stored = try await env.scope(actor).coachingRelationships.relationships(coach: actor.personID, in: [.proposed])
        return try await counterparts(actor, stored)
    }

    /// The district's active coaches an educator may ask: not themselves, and none already coaching or asked.
    public func coachesToAsk(_ actor: Actor) async throws -> [CoachingCandidate] {
        let scope = env.scope(actor)
        let taken = Set(try await scope.coachingRelationships.relationships(educator: actor.personID, in: [.proposed, .active]).map(\.relationship.coachID))
        return try await scope.candidates(with: .coach).filter { $0.id != actor.personID && !taken.contains($0.id) }
    }

    /// Educators a coach may invite whose name contains `search` (any case, any accents); without a search, those of
    /// the coach's own school. Never themselves, and none already coached or invited. At most `limit`.
    public func educatorsToInvite(_ actor: Actor, search: String, limit: Int = 50) async throws -> (people: [CoachingCandidate], more: Bool) {
        guard actor.has(.coach) else { throw ServiceError.forbidden }
        let scope = env.scope(actor)
        let taken = Set(try await scope.coachingRelationships.relationships(coach: actor.personID, in: [.proposed, .active]).map(\.relationship.educatorID))
        let words = Self.fold(search).split(separator: " ").map(String.init)
        let matches = try await scope.candidates(with: .educator).filter { candidate in
            guard candidate.id != actor.personID, !taken.contains(candidate.id) else { return false }
            if words.isEmpty { return actor.schoolID == nil || candidate.schoolID == actor.schoolID }
            let name = Self.fold(candidate.name)
            return words.allSatisfy(name.contains)
        }
        return (Array(matches.prefix(limit)), matches.count > limit)
    }

    /// The district's schools by id, for naming where people work.
    public func schoolNames(_ actor: Actor) async throws -> [School.ID: String] {
        Dictionary(try await env.scope(actor).schools.all().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The name of someone in the actor's district, or nil.
    public func name(_ actor: Actor, of id: Person.ID) async throws -> String? {
        try await env.scope(actor).people.names(of: [id])[id]
    }

    /// One relationship for its coach or its educator (anyone else: not found), with the other side's name.
    public func relationship(_ actor: Actor, _ id: CoachingRelationship.ID) async throws -> Counterpart {
        let stored = try await env.coachingRelationship(actor, id, may: .read, .relationship)
        return try await counterparts(actor, [stored])[0]
    }

    /// Whether the educator has a plan this school year not yet shared with `coach`: when the share box is offered.
    public func canSharePlan(_ actor: Actor, with coach: Person.ID) async throws -> Bool {
        let scope = env.scope(actor)
        let year = SchoolYear.containing(date: env.today, start: try await scope.schoolYearStart())
        guard let summary = try await scope.plans.plans(ownedBy: actor.personID).first(where: { $0.schoolYear == year.startYear }),
              let stored = try await scope.plans.find(summary.id) else { return false }
        return !stored.plan.sharing.isShared(with: coach)
    }

    private func counterparts(_ actor: Actor, _ stored: [CoachingRelationshipStore.Stored]) async throws -> [Counterpart] {
        let names = try await env.scope(actor).people.names(of: Set(stored.map { $0.relationship.other(than: actor.personID) }))
        return stored.map { item in
            Counterpart(relationship: item.relationship, version: item.version, otherName: names[item.relationship.other(than: actor.personID)] ?? "")
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingWhitespace()
    }
}
