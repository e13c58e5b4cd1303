import Foundation
import TrellisCore
import TrellisStore

/// Coaching as the dashboards show it: one school's counts, or each school's. Counts only, through the same policy as
/// the counts page (`.coachingCounts`), so a dashboard can never show more of coaching than that page does.
extension CoachingCountsService {
    /// Sessions, hours and people coached at `school` from the start of this school year up to today.
    public func school(_ actor: Actor, _ school: School.ID) async throws -> Row {
        try await perSchool(actor, only: school)[school] ?? Row(name: "", sessions: 0, minutes: 0, people: 0)
    }

    /// The same for every school of the district (nil: sessions with educators of no school), for its admins.
    public func perSchool(_ actor: Actor) async throws -> [School.ID?: Row] {
        try await perSchool(actor, only: nil)
    }

    private func perSchool(_ actor: Actor, only school: School.ID?) async throws -> [School.ID?: Row] {
        guard Policy.can(actor, .read, .coachingCounts(organizationID: actor.organizationID, schoolID: school)) else {
            throw ServiceError.forbidden
        }
        let scope = env.scope(actor)
        let today = env.today
        let year = SchoolYear.containing(date: today, start: try await scope.schoolYearStart())
        var rows: [School.ID?: Row] = [:]
        for tally in try await scope.coachingCounts.perSchool(from: year.startDate, through: today, school: school) {
            rows[tally.key.map(School.ID.init)] = Row(name: "", sessions: tally.sessions, minutes: tally.minutes, people: tally.people)
        }
        return rows
    }
}
