import Foundation
import TrellisCore
import TrellisStore

/// The daily deadline reminders of one district: for each deadline whose reminder day has come (`FollowThroughSettings
/// .reminderOffset`), tells exactly the educators it applies to who still owe it (`DeadlineObligation`), once per
/// deadline, date, person and offset. Nobody who is done is reminded; repeating it the same day tells nobody twice.
public struct DeadlineReminderJob: JobHandler {
    public static let kind = "deadline-reminders"
    public var kind: String { Self.kind }

    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func run(_ job: Job) async throws {
        let (organization, day) = try DistrictDayPayload.of(job)
        try await remind(organization, today: day)
    }

    /// Sends the day's reminders; returns how many people were told.
    @discardableResult
    public func remind(_ organization: Organization.ID, today: CalendarDate) async throws -> Int {
        let scope = OrganizationScope(env.database, organizationID: organization)
        let settings = try await scope.followThroughSettings()
        let year = SchoolYear.containing(date: today, start: try await scope.schoolYearStart())
        let calendar = try await scope.deadlines.calendar(schoolYear: year.startYear)
        let due = calendar.applicable.compactMap { deadline in
            settings.reminderOffset(dueOn: deadline.dueOn, today: today).map { (deadline, $0) }
        }
        guard !due.isEmpty else { return 0 }
        let educators = try await scope.deadlineReminders.educators(schoolYear: year.startYear,
                                                                    readReflections: due.contains { $0.0.kind == .reflectionBy })
        let now = env.clock.now()
        return try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: organization)
            var notices: [PersonNotification] = []
            for (deadline, offset) in due {
                // A school's own date of a kind takes the place of the district's for its people.
                let owing = educators.filter { educator in
                    calendar.deadline(deadline.kind, school: educator.schoolID)?.id == deadline.id
                        && DeadlineObligation.owes(deadline.kind, dueOn: deadline.dueOn, educator.facts)
                }
                let fresh = Set(try await scope.deadlineReminders.record(deadline.id, dueOn: deadline.dueOn, offset: offset,
                                                                         people: owing.map(\.personID), at: now))
                let message = Self.message(deadline, today: today)
                for educator in owing where fresh.contains(educator.personID) {
                    let link = educator.planID.map { deadline.kind == .reviewSubmittedBy ? "/plans/\($0)/review" : "/plans/\($0)/\(deadline.kind.planSection)" } ?? "/plans"
                    notices.append(PersonNotification(id: env.ids.make(), organizationID: organization, personID: educator.personID,
                                                      kind: .deadlineReminder, message: message, link: link, createdAt: now))
                }
            }
            try await scope.notifications.addAll(notices)
            return notices.count
        }
    }

    /// "Please write your mid-year check-in by January 15, 2027 (in 7 days)." Plain, with the date and what to do.
    static func message(_ deadline: Deadline, today: CalendarDate) -> String {
        let days = today.days(until: deadline.dueOn)
        return "Please \(deadline.kind.task) by \(deadline.dueOn.longForm) (\(days == 1 ? "tomorrow" : "in \(days) days"))."
    }
}
