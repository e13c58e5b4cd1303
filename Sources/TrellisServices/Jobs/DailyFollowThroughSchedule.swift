import Foundation
import TrellisCore
import TrellisStore

/// Each district's daily follow-through: the stall scan and the deadline reminders for the district's day, queued once
/// per district and day (`stall-scan:<org>:<date>`), whichever runner gets there first.
public struct DailyFollowThroughSchedule: JobSchedule {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func jobs(at now: Date) async throws -> [NewJob] {
        let today = CalendarDate(now, in: ServiceEnvironment.districtTimeZone)
        return try await OrganizationStore(env.database).all().flatMap { organization in
            [StallScanJob.kind, DeadlineReminderJob.kind].map { kind in
                NewJob(id: env.ids.make(), organizationID: organization.id, kind: kind,
                       payload: DistrictDayPayload(organization: organization.id, date: today).json,
                       uniqueKey: "\(kind):\(organization.id):\(today.iso)", runAt: now)
            }
        }
    }
}
