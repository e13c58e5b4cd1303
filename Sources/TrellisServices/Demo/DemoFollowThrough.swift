import Foundation
import TrellisCore
import TrellisStore

/// The demo district's follow-through: the school year's deadlines (2026–27 when the demo is made that year), and the
/// day's stall scan and reminders already run, so Diego Ramírez's quiet plan is flagged on Kwame's caseload and both
/// of them find the notice in their notifications on first sign-in; the coaches' weekly digest is waiting to be sent.
struct DemoFollowThrough {
    let env: ServiceEnvironment

    func create(_ organization: Organization.ID) async throws {
        let scope = OrganizationScope(env.database, organizationID: organization)
        let year = SchoolYear.containing(date: env.today, start: try await scope.schoolYearStart())
        let dates: [(DeadlineKind, Int, Int, Int)] = [
            (.planActiveBy, year.startYear, 10, 15), (.midYearCheckInBy, year.startYear + 1, 1, 29),
            (.reflectionBy, year.startYear + 1, 5, 14), (.reviewSubmittedBy, year.startYear + 1, 6, 4),
        ]
        for (kind, calendarYear, month, day) in dates {
            guard let due = CalendarDate(year: calendarYear, month: month, day: day), year.contains(due) else { continue }
            try await scope.deadlines.set(kind, school: nil, schoolYear: year.startYear, dueOn: due, id: env.ids.make())
        }
        try await StallScanJob(env).scan(organization, today: env.today)
        try await DeadlineReminderJob(env).remind(organization, today: env.today)
        // The coaches' weekly digest of this week, waiting in the outbox for the runner to send.
        try await WeeklyDigestService(env).build(organization)
    }
}
