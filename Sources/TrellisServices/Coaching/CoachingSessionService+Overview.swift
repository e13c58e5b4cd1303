import Foundation
import TrellisCore
import TrellisStore

/// A relationship's page as one of its two people sees it: the cycles with their sessions in order, the sessions
/// outside cycles and, for the coach, the alliance trend. Every session in it is already filtered for the reader.
extension CoachingSessionService {
    public struct Overview: Sendable {
        /// A cycle with its sessions in the order they happened, and the phase they put it in.
        public struct CycleLine: Sendable {
            public let cycle: CoachingCycle
            /// The goal's statement, when the reader may read the plan it is on.
            public let goalStatement: String?
            public let phase: CyclePhase
            public let sessions: [CoachingSession]
        }

        public let relationship: CoachingRelationship
        public let coachName: String
        public let educatorName: String
        public let isCoach: Bool
        /// The coach while the relationship is active: cycles, sessions and contacts may be added.
        public let canWrite: Bool
        public let cycles: [CycleLine]
        public let otherSessions: [CoachingSession]
        /// The coach's alone; nil for the educator.
        public let trend: AllianceTrend?
        /// Sessions the educator has answered the alliance pulse after.
        public let answered: Set<CoachingSession.ID>
    }

    public func overview(_ actor: Actor, _ relationshipID: CoachingRelationship.ID) async throws -> Overview {
        let relationship = try await env.coachingRelationship(actor, relationshipID, may: .read, .work).relationship
        let access = CoachingAccess(relationship)
        let scope = env.scope(actor)
        let sessions = try await scope.coachingSessions.sessions(relationship: relationshipID).map { Self.visible($0.session, to: actor, access) }
        let cycles = try await scope.coachingCycles.cycles(relationship: relationshipID).map(\.cycle)
        let goals = try await goalStatements(actor, of: relationship.educatorID, Set(cycles.compactMap(\.goalID)))
        let lines = cycles.map { cycle in
            let own = sessions.filter { $0.cycleID == cycle.id }
            return Overview.CycleLine(cycle: cycle, goalStatement: cycle.goalID.flatMap { goals[$0] },
                                      phase: CyclePhase.of(sessionKinds: own.map(\.kind)), sessions: own)
        }
        let known = Set(cycles.map(\.id))
        let names = try await scope.people.names(of: [relationship.coachID, relationship.educatorID])
        let answers = Policy.can(actor, .read, .coaching(access, .alliance)) ? try await scope.alliance.answers(relationship: relationshipID) : []
        return Overview(relationship: relationship, coachName: names[relationship.coachID] ?? "", educatorName: names[relationship.educatorID] ?? "",
                        isCoach: relationship.coachID == actor.personID,
                        canWrite: Policy.can(actor, .create, .coaching(access, .work)), cycles: lines,
                        otherSessions: sessions.filter { $0.cycleID.map { !known.contains($0) } ?? true },
                        trend: relationship.coachID == actor.personID ? AllianceTrend(answers) : nil,
                        answered: Set(answers.map(\.sessionID)))
    }

    /// The statements of `goals` on the educator's plans that `actor` may read (their own, or shared with the coach).
    func goalStatements(_ actor: Actor, of educator: Person.ID, _ goals: Set<Goal.ID>) async throws -> [Goal.ID: String] {
        guard !goals.isEmpty else { return [:] }
        let plans = PlanService(env, vault: nil)
        var statements: [Goal.ID: String] = [:]
        for summary in try await env.scope(actor).plans.plans(ownedBy: educator) where summary.status != .archived {
            guard let loaded = try? await plans.load(actor, summary.id) else { continue }
            for goal in loaded.plan.goals where goals.contains(goal.id) { statements[goal.id] = goal.statement }
        }
        return statements
    }
}
