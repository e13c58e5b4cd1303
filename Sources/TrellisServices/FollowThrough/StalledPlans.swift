import Foundation
import TrellisCore
import TrellisStore

/// The plans that stand stalled, for those who follow them: a school's for its leaders (the dashboards), the district's
/// for its admins, and a coach's caseload. A stall shows only while it stands: the next sign of life on the plan hides
/// it at once, before the daily scan clears its record.
public struct StalledPlans: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// The stalled plans of a school's people (nil: the whole district), longest stalled first. Leaders see their own
    /// school's, admins every school's: status and dates only, never a plan's content.
    public func stalledPlans(_ actor: Actor, school: School.ID?) async throws -> [PlanStall] {
        let mayRead: Bool
        if let school {
            mayRead = actor.has(.districtAdmin) || (actor.has(.leader) && actor.schoolID == school)
        } else {
            mayRead = actor.has(.districtAdmin)
        }
        guard mayRead, Policy.can(actor, .read, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        let scope = env.scope(actor)
        let year = SchoolYear.containing(date: env.today, start: try await scope.schoolYearStart())
        let candidates = try await scope.planStalls.candidates(schoolYear: year.startYear, school: school)
        return try await Self.standing(scope, candidates: candidates, today: env.today)
    }

    /// The day each of `owners`' plans stalled, for a stall that stands: what a coach's caseload marks, beside the last
    /// sign of life it already knows (a stall older than that sign has cleared; see `StallRule.stands`).
    public func stalledSince(_ actor: Actor, owners: [Person.ID]) async throws -> [Person.ID: CalendarDate] {
        guard !owners.isEmpty else { return [:] }
        return Dictionary(try await env.scope(actor).planStalls.standing(owners: owners).map { ($0.ownerID, $0.since) },
                          uniquingKeysWith: { first, _ in first })
    }

    static func standing(_ scope: OrganizationScope, candidates: [PlanStallStore.Candidate], today: CalendarDate) async throws -> [PlanStall] {
        let byPlan = Dictionary(candidates.map { ($0.planID, $0) }, uniquingKeysWith: { first, _ in first })
        let stalls = try await scope.planStalls.standing(owners: candidates.map(\.ownerID))
        guard !stalls.isEmpty else { return [] }
        let contacts = try await scope.planStalls.lastContacts(onOrBefore: today)
        return stalls.compactMap { stall -> PlanStall? in
            guard let candidate = byPlan[stall.planID] else { return nil }
            let last = activity(of: candidate, contacts: contacts).last
            guard StallRule.stands(since: stall.since, lastActivity: last) else { return nil }
            return PlanStall(id: .init(stall.id), planID: stall.planID, ownerID: stall.ownerID, ownerName: candidate.ownerName,
                             schoolID: candidate.schoolID, since: stall.since, lastActivity: last)
        }.sorted { ($0.since, $0.ownerName) < ($1.since, $1.ownerName) }
    }

    /// A plan's signs of life: its check-ins, its last save (in the district's time zone) and its owner's coaching.
    static func activity(of candidate: PlanStallStore.Candidate, contacts: [Person.ID: CalendarDate]) -> PlanActivity {
        PlanActivity(lastCheckIn: candidate.lastCheckIn,
                     lastChange: CalendarDate(candidate.updatedAt, in: ServiceEnvironment.districtTimeZone),
                     lastContact: contacts[candidate.ownerID])
    }
}
