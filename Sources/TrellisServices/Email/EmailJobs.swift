import Foundation
import TrellisCore
import TrellisStore

/// Delivering the outbox as a job of the runner. Failures of single emails are the outbox's to retry (each keeps its own
/// next try), so the job itself succeeds unless the database fails.
public struct EmailDeliveryJob: JobHandler {
    public let kind = EmailDelivery.jobKind
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func run(_ job: Job) async throws {
        let report = try await EmailDelivery(env, transport: env.email.transport, sender: env.email.sender).deliverDue()
        if report.sent + report.failed > 0 {
            env.logger.info("email delivery: \(report.sent) sent, \(report.failed) kept for another try")
        }
    }
}

/// One district's weekly digests (payload: the district and a day of the week).
public struct WeeklyDigestJob: JobHandler {
    public let kind = WeeklyDigestService.jobKind
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func run(_ job: Job) async throws {
        let (organization, _) = try DistrictDayPayload.of(job)
        try await WeeklyDigestService(env).build(organization, now: env.clock.now())
    }
}

/// Queues delivery whenever the outbox holds email that is due (one job per minute at most, however many runners ask),
/// and each district's weekly digest once a week, for Monday at 7 in the morning in the district.
public struct EmailSchedule: JobSchedule {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func jobs(at now: Date) async throws -> [NewJob] {
        var jobs: [NewJob] = []
        let pending = try await EmailQueue(env.database).pending()
        if pending.count > 0, let next = pending.nextAttempt, next <= now {
            let minute = Int(now.timeIntervalSince1970 / 60)
            jobs.append(NewJob(id: env.ids.make(), organizationID: nil, kind: EmailDelivery.jobKind, payload: "{}",
                               uniqueKey: "\(EmailDelivery.jobKind):\(minute)", runAt: now))
        }
        let today = CalendarDate(now, in: ServiceEnvironment.districtTimeZone)
        let monday = WeeklyDigest.weekStart(of: today)
        let sendAt = Self.morning(of: monday)
        guard now >= sendAt else { return jobs }
        for organization in try await OrganizationStore(env.database).all() {
            jobs.append(NewJob(id: env.ids.make(), organizationID: organization.id, kind: WeeklyDigestService.jobKind,
                               payload: DistrictDayPayload(organization: organization.id, date: monday).json,
                               uniqueKey: WeeklyDigestService.jobKey(organization.id, on: monday), runAt: sendAt))
        }
        return jobs
    }

    /// 7:00 in the district on `day`.
    static func morning(of day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ServiceEnvironment.districtTimeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 7)) ?? Date.distantFuture
    }
}
