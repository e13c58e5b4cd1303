import Foundation
import TrellisCore
import TrellisStore

/// The alliance pulse: after a feedback conversation the educator may answer four statements, once; the coach sees
/// the trend per relationship. Nobody else ever reads them.
extension CoachingSessionService {
    /// Whether the educator may still answer after this session: a feedback conversation they have not answered.
    public func mayAnswerAlliance(_ actor: Actor, _ view: SessionView) -> Bool {
        view.session.kind == .feedback && view.alliance == nil
            && Policy.can(actor, .create, .coaching(CoachingAccess(view.relationship), .alliance))
    }

    /// Keeps the educator's four answers (`answer1` … `answer4`, 1 to 5) and tells the coach that they answered.
    public func answerAlliance(_ actor: Actor, _ id: CoachingSession.ID, answers texts: [String]) async throws {
        let (relationship, stored) = try await find(actor, id, may: .create, .alliance)
        guard stored.session.kind == .feedback else { throw ServiceError.notFound }
        let answers: [Int]
        switch AlliancePulse.parse(texts) {
        case .success(let values): answers = values
        case .failure(let errors): throw errors
        }
        let pulse = AllianceAnswers(sessionID: id, answeredOn: today, answers: answers)
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.alliance.add(pulse, relationship: relationship.relationship.id)
                let educator = relationship.relationship.educatorID
                let name = try await scope.people.names(of: [educator])[educator] ?? "The educator"
                try await notify(scope, relationship.relationship.coachID, .coachingReply,
                                 "\(name) answered the alliance pulse after the feedback conversation on \(stored.session.timing.date.monthAndDay).",
                                 link: "/coaching/relationships/\(relationship.relationship.id)")
            }
        } catch StoreError.duplicate {
            throw ServiceError.conflict("You have already answered after this conversation; each one is answered once.")
        }
    }

    /// The trend of the relationship's alliance answers, for its coach only; nil for anyone else.
    public func allianceTrend(_ actor: Actor, _ relationshipID: CoachingRelationship.ID) async throws -> AllianceTrend? {
        let relationship = try await env.coachingRelationship(actor, relationshipID, may: .read, .alliance).relationship
        guard relationship.coachID == actor.personID else { return nil }
        return AllianceTrend(try await env.scope(actor).alliance.answers(relationship: relationshipID))
    }
}
