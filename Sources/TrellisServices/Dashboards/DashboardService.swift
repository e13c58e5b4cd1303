import Foundation
import TrellisCore
import TrellisStore

/// The follow-through dashboards: a school's for its leaders and the district's admins, and the district's across
/// schools for its admins. Each is put together from aggregate reads, the stalled plans (`StalledPlans`), the cohort
/// roll-ups and the coaching counts, and kept for a moment (`DashboardReads`), since leaders open them again and again.
public struct DashboardService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// Whether the actor may open `school`'s dashboard: what the navigation links to.
    public static func maySee(_ actor: Actor, school: School.ID?) -> Bool {
        Policy.can(actor, .read, .dashboard(organizationID: actor.organizationID, schoolID: school))
    }

    /// The school's dashboard. A school of another district, a school the actor does not lead, or someone who leads no
    /// school is told it does not exist (404), so ids tell nothing.
    public func school(_ actor: Actor, _ id: School.ID) async throws -> SchoolDashboard {
        guard Self.maySee(actor, school: id) else { throw ServiceError.notFound }
        // Only a leader of this very school reads the goals of plans shared with its leaders (as `Policy` does for a plan).
        let showsContent = actor.has(.leader) && actor.schoolID == id
        let today = env.today
        return try await env.scope(actor).dashboardReads.kept("school:\(id)@\(today.iso)/\(showsContent)") { [self] in
            try await buildSchool(actor, id, today: today, showsContent: showsContent)
        }
    }

    private func buildSchool(_ actor: Actor, _ id: School.ID, today: CalendarDate, showsContent: Bool) async throws -> SchoolDashboard {
        let scope = env.scope(actor)
        guard let school = try await scope.schools.find(id) else { throw ServiceError.notFound }
        let year = SchoolYear.containing(date: today, start: try await scope.schoolYearStart())
        let rhythm = try await scope.checkInRhythm()
        let lines = try await scope.dashboards.people(school: id, schoolYear: year.startYear, withGoals: showsContent)
        let stalls = try await StalledPlans(env).stalledPlans(actor, school: id)
        let counts = try await scope.dashboards.standardCounts(school: id, schoolYear: year.startYear)
        let standards = try await StandardsService.standards(in: scope, identifiers: Set(counts.map(\.identifier)))
        let cohorts = try await cohortProgress(actor, scope.dashboards.cohortCounts(school: id), year: year)
        let coaching = try await CoachingCountsService(env).school(actor, id)
        return SchoolDashboard(school: school, year: year, today: today, rhythm: rhythm, showsContent: showsContent, lines: lines,
                               stalls: stalls, standards: SchoolDashboard.heat(counts, standards: standards), cohorts: cohorts, coaching: coaching)
    }

    /// This year's cohorts with members among the counted people, each PLC with its roll-up's progress. The roll-up is
    /// made as for someone outside the PLC, and only its counts are kept: no goal, no note, no name leaves it.
    func cohortProgress(_ actor: Actor, _ counts: [DashboardQueries.CohortCount], year: SchoolYear) async throws -> [CohortProgress] {
        let scope = env.scope(actor)
        var schoolMembers: [Cohort.ID: Int] = [:]
        for count in counts { schoolMembers[count.cohortID, default: 0] += count.members }
        var progress: [CohortProgress] = []
        for (cohortID, members) in schoolMembers {
            guard let stored = try await scope.cohorts.find(cohortID, recent: true), stored.cohort.schoolYear == year else { continue }
            let links = try await scope.plcs.links(in: cohortID, recent: true)
            var plcs: [CohortProgress.PLCProgressLine] = []
            for plc in try await scope.plcs.plcs(of: cohortID, recent: true).map(\.plc) {
                let rollUp = try await PLCService.rollUp(of: plc, links: links.filter { $0.plcID == plc.id }, actor: actor,
                                                         access: CohortAccess(stored.cohort), env: env)
                plcs.append(.init(name: plc.name, members: plc.memberIDs.count, linkedGoals: rollUp.linkedCount, percent: rollUp.percent,
                                  stepsDone: rollUp.stepsDone, steps: rollUp.steps.count))
            }
            progress.append(CohortProgress(name: stored.cohort.name, schoolMembers: members, members: stored.cohort.members.count, plcs: plcs))
        }
        return progress.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    /// The district across its schools, for its admins; anyone else is refused (403: the address is no secret).
    public func district(_ actor: Actor) async throws -> DistrictDashboard {
        guard Self.maySee(actor, school: nil) else { throw ServiceError.forbidden }
        let today = env.today
        return try await env.scope(actor).dashboardReads.kept("district@\(today.iso)") { [self] in
            let scope = env.scope(actor)
            let year = SchoolYear.containing(date: today, start: try await scope.schoolYearStart())
            let rhythm = try await scope.checkInRhythm()
            let people = try await scope.dashboards.people(school: nil, schoolYear: year.startYear, withGoals: false)
                .map { SchoolDashboard.person($0, today: today, rhythm: rhythm, showsContent: false) }
            var cohorts: [School.ID?: Set<Cohort.ID>] = [:]
            for count in try await scope.dashboards.cohortCounts(school: nil) { cohorts[count.schoolID, default: []].insert(count.cohortID) }
            return DistrictDashboard(year: year, today: today, rhythm: rhythm, schools: try await scope.schools.all(), people: people,
                                     stalls: try await StalledPlans(env).stalledPlans(actor, school: nil),
                                     cohorts: cohorts.mapValues(\.count), coaching: try await CoachingCountsService(env).perSchool(actor))
        }
    }
}
